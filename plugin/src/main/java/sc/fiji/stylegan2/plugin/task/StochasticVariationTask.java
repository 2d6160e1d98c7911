package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.NoiseLayers;
import sc.fiji.stylegan2.model.explore.PixelStatistics;
import sc.fiji.stylegan2.model.explore.StochasticVariation;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.input.LatentFiles;

/**
 * The work behind Stochastic Variation (StyleGAN paper, Sec. 3.2, Fig. 4 and 5): one seed's (or a
 * latent file's) ws, several realisations of the noise in the chosen layers, and the per-pixel
 * standard deviation over them. A file's stored noise maps are not used: varying the noise is the
 * point.
 */
public final class StochasticVariationTask {

    /**
     * The samples and their per-pixel standard deviation (same channels, one image).
     *
     * @param image the label of the image ({@code seed=3}, {@code cell_w.npz[0]})
     */
    public record Result(
            String image, LabeledFloatImg samples, LabeledFloatImg std, int noisyLayers) {}

    /** What to sample; validated by the command, {@code noise_layers} here (it needs the model). */
    public record Request(
            LatentSource latent,
            int samples,
            String noiseLayers,
            double psi,
            OutputRange range,
            int batchSize,
            String condition) {}

    private StochasticVariationTask() {}

    /**
     * @return the result, or null when canceled before the last sample
     */
    public static Result run(Path modelFile, Request req, ProgressListener progress)
            throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            NoiseLayers noise =
                    NoiseLayers.parse("noise_layers", req.noiseLayers(), model.generator());
            LabeledLatents latent =
                    LatentFiles.requireOne(
                            req.latent(),
                            req.latent()
                                    .resolve(
                                            model.imageGenerator(),
                                            req.psi(),
                                            model.classes().parse(req.condition())));
            String label = latent.labels().get(0);
            GeneratedImages samples =
                    new StochasticVariation(model.generator(), model.intensity(), model.manager())
                            .run(
                                    latent.ws(0),
                                    label,
                                    req.samples(),
                                    noise,
                                    req.range(),
                                    req.batchSize(),
                                    progress);
            if (samples.count() < req.samples()) {
                return null;
            }
            GeneratedImages std =
                    PixelStatistics.std(
                            samples,
                            "std of "
                                    + req.samples()
                                    + " samples, noise_layers="
                                    + req.noiseLayers().trim());
            return new Result(
                    label,
                    ModelTasks.wrap(samples, model),
                    ModelTasks.wrap(std, model),
                    noise.layers().size());
        }
    }
}
