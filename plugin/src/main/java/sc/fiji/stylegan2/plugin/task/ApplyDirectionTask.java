package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.direction.DirectionFile;
import sc.fiji.stylegan2.model.direction.Directions;
import sc.fiji.stylegan2.model.direction.LatentShift;
import sc.fiji.stylegan2.model.explore.StyleSelection;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;

/**
 * The work behind Apply Direction: each latent (seeds, truncated, or latent files such as
 * projections) moved along one direction d of a direction file by every strength s, on some ws
 * indices: {@code w'[l] = w[l] + s d} for l in the layers, then synthesis in batches.
 */
public final class ApplyDirectionTask {

    /** The value of {@code layers} that means the ws indices stored in the direction file. */
    public static final String FOUND = "found";

    /**
     * What to render; validated by the command, the rest here (it needs the model and the file).
     *
     * @param condition the class of a conditional model's seeds, or blank
     */
    public record Request(
            LatentSource inputs,
            String condition,
            Path directionFile,
            int index,
            double[] strengths,
            String layers,
            double psi,
            NoiseMode noiseMode,
            OutputRange range,
            int batchSize) {}

    private ApplyDirectionTask() {}

    /**
     * @return the frames, input-major, labelled {@code seed=S d=0 s=-3.000}; null when canceled
     * @throws IllegalArgumentException naming the key of the first value the model or the file
     *     refuses
     */
    public static LabeledFloatImg run(Path modelFile, Request req, ProgressListener progress)
            throws IOException {
        Directions directions;
        try {
            directions = DirectionFile.read(req.directionFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("direction_file: " + e.getMessage(), e);
        }
        if (req.index() >= directions.count()) {
            throw new IllegalArgumentException(
                    "direction_index "
                            + req.index()
                            + " is out of range: "
                            + req.directionFile().getFileName()
                            + " holds "
                            + directions.count()
                            + " direction(s), 0.."
                            + (directions.count() - 1));
        }
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            if (directions.wDim() != model.config().wDim()) {
                throw new IllegalArgumentException(
                        "direction_file "
                                + req.directionFile().getFileName()
                                + " holds directions of w_dim "
                                + directions.wDim()
                                + ", but this model has w_dim "
                                + model.config().wDim()
                                + ": use a direction file found for this model");
            }
            int[] layers = layers(req, directions, model);
            ImageGenerator gen = model.imageGenerator();
            LabeledLatents inputs =
                    req.inputs().resolve(gen, req.psi(), model.classes().parse(req.condition()));
            float[] delta =
                    LatentShift.onLayers(
                            directions.vector(req.index()), layers, model.config().numWs());
            Latents frames = LatentShift.apply(inputs.latents(), delta, req.strengths());
            GeneratedImages images =
                    gen.synthesize(
                            frames,
                            labels(inputs.labels(), req.index(), req.strengths()),
                            req.noiseMode(),
                            req.range(),
                            req.batchSize(),
                            progress);
            return images.count() < frames.count() ? null : ModelTasks.wrap(images, model);
        }
    }

    private static int[] layers(Request req, Directions directions, StyleGAN2Model model) {
        if (!req.layers().trim().equalsIgnoreCase(FOUND)) {
            return StyleSelection.parse("layers", req.layers(), model.config());
        }
        for (int l : directions.layers()) {
            if (l < 0 || l >= model.config().numWs()) {
                throw new IllegalArgumentException(
                        "layers found: the direction file's ws index "
                                + l
                                + " is outside this model's 0.."
                                + (model.config().numWs() - 1)
                                + "; give layers (all, coarse, ... or indices)");
            }
        }
        return directions.layers();
    }

    private static List<String> labels(List<String> inputs, int index, double[] strengths) {
        List<String> labels = new ArrayList<>();
        for (String input : inputs) {
            for (double s : strengths) {
                labels.add(String.format(Locale.ROOT, "%s d=%d s=%.3f", input, index, s));
            }
        }
        return labels;
    }
}
