package sc.fiji.stylegan2.plugin.task;

import ij.measure.ResultsTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.ActivationMontage;
import sc.fiji.stylegan2.model.explore.ChannelStatistics;
import sc.fiji.stylegan2.model.explore.LayerNames;
import sc.fiji.stylegan2.model.explore.PeakAgreement;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.network.ActivationProbe;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.StatisticsTables;
import sc.fiji.stylegan2.plugin.input.LatentFiles;

/**
 * The work behind Show Activations: one synthesis forward pass of a seed's (or a latent file's) ws
 * with an {@link ActivationProbe} on the chosen layer (or every layer; with noise mode const a
 * file's stored noise maps are used), the layer's feature maps as a stack (one slice per channel),
 * their statistics (StyleGAN2 paper, Sec. 2: the droplet's spike ratio) and optionally the
 * all-layer montage.
 */
public final class ActivationTask {

    /** The montage tile is the model resolution, at most this. */
    static final int MAX_TILE = 128;

    /**
     * The layer's feature maps and statistics; the montage and per-layer table only with all
     * layers.
     *
     * @param image the label of the image ({@code seed=3}, {@code cell_w.npz[0]})
     */
    public record Result(
            String image,
            String layer,
            LabeledFloatImg activations,
            ResultsTable statistics,
            LabeledFloatImg montage,
            ResultsTable layerStatistics) {}

    /** Which activations; {@code layer} is resolved against the model. */
    public record Request(
            LatentSource latent,
            String layer,
            double psi,
            NoiseMode noiseMode,
            boolean allLayers,
            String condition) {}

    private ActivationTask() {}

    /**
     * @return the result, or null when canceled before the forward pass
     */
    public static Result run(Path modelFile, Request req, ProgressListener progress)
            throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            List<String> layers = model.layerNames();
            String layer = LayerNames.resolve("layer", req.layer(), layers);
            ActivationProbe probe =
                    new ActivationProbe(req.allLayers() ? Set.copyOf(layers) : Set.of(layer));
            LabeledLatents latent =
                    LatentFiles.requireOne(
                            req.latent(),
                            req.latent()
                                    .resolve(
                                            model.imageGenerator(),
                                            req.psi(),
                                            model.classes().parse(req.condition())));
            String label = latent.labels().get(0);
            GeneratedImages image =
                    model.imageGenerator()
                            .synthesize(
                                    latent.latents(),
                                    latent.labels(),
                                    SynthesisOptions.of(req.noiseMode()).withProbe(probe),
                                    OutputRange.RAW,
                                    1,
                                    progress);
            if (image.count() == 0) {
                return null;
            }
            float[] values = probe.values(layer);
            long[] shape = probe.shape(layer);
            ResultsTable stats =
                    StatisticsTables.perChannel(ChannelStatistics.perChannel(values, shape));
            int resolution = model.config().resolution();
            // A layer at resolution r of a model at resolution R: each activation covers R/r
            // image pixels, so its pixel size is the model's times R/r.
            LabeledFloatImg maps =
                    ModelTasks.withModelCalibration(
                            LabeledFloatImg.of(
                                    values,
                                    (int) shape[3],
                                    (int) shape[2],
                                    1,
                                    channelLabels((int) shape[1])),
                            model,
                            (double) resolution / shape[3]);
            if (!req.allLayers()) {
                return new Result(label, layer, maps, stats, null, null);
            }
            int tile = Math.min(resolution, MAX_TILE);
            return new Result(
                    label,
                    layer,
                    maps,
                    stats,
                    // every tile shows the whole image at tile px: the model's pixel size times
                    // R/tile
                    ModelTasks.withModelCalibration(
                            montage(probe, layers, tile, label), model, (double) resolution / tile),
                    layerTable(probe, layers));
        }
    }

    private static List<String> channelLabels(int channels) {
        List<String> labels = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            labels.add("channel " + c);
        }
        return labels;
    }

    private static LabeledFloatImg montage(
            ActivationProbe probe, List<String> layers, int tile, String image) {
        List<float[]> values = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        for (String l : layers) {
            values.add(probe.values(l));
            shapes.add(probe.shape(l));
        }
        ActivationMontage m = ActivationMontage.of(values, shapes, tile);
        String label =
                image
                        + " mean |a| per layer, each tile scaled to its max, "
                        + m.columns()
                        + " per row: "
                        + String.join(" ", layers.stream().map(LayerNames::shortName).toList());
        return LabeledFloatImg.of(m.pixels(), m.width(), m.height(), 1, List.of(label));
    }

    private static ResultsTable layerTable(ActivationProbe probe, List<String> layers) {
        ResultsTable rt = new ResultsTable();
        for (String l : layers) {
            float[] v = probe.values(l);
            long[] s = probe.shape(l);
            StatisticsTables.addLayer(
                    rt,
                    LayerNames.shortName(l),
                    s[3],
                    s[1],
                    ChannelStatistics.of(v, 0, (int) (s[1] * s[2] * s[3])),
                    ChannelStatistics.perChannel(v, s),
                    PeakAgreement.of(v, s));
        }
        return rt;
    }
}
