package sc.fiji.stylegan2.model;

import sc.fiji.stylegan2.model.explore.StyleGroupSummary;
import sc.fiji.stylegan2.model.generate.ClassLabels;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * The multi-line summary of a model that Model Info shows: where it came from, resolution and
 * channels, latent sizes, classes, channels per resolution, parameter counts, intensity mapping,
 * pixel size, the layers of each style group and the layers the activation probe can capture.
 */
final class ModelSummary {

    private ModelSummary() {}

    /**
     * @param g the training generator, or null
     * @param d the discriminator, or null
     */
    static String of(StyleGAN2Model model, String origin, Module gEma, Module g, Module d) {
        GeneratorConfig config = model.config();
        ClassLabels classes = model.classes();
        IntensityMapping intensity = model.intensity();
        StringBuilder s = new StringBuilder();
        s.append("StyleGAN2 model (").append(origin).append(")\n");
        s.append(
                config.architecture() == Architecture.STYLEGAN1
                        ? "architecture: stylegan1 (original StyleGAN: AdaIN, ProGAN discriminator)"
                        : "architecture: stylegan2 (weight demodulation, skip G, residual D)");
        s.append(model.lod() != 0 ? String.format(", growing: lod %s%n", model.lod()) : "\n");
        s.append(
                String.format(
                        "resolution %d x %d, %d channel%s%n",
                        config.resolution(),
                        config.resolution(),
                        config.imgChannels(),
                        config.imgChannels() == 1 ? "" : "s"));
        s.append(
                String.format(
                        "z_dim %d, w_dim %d, mapping layers %d, num_ws %d%n",
                        config.zDim(), config.wDim(), config.mappingLayers(), config.numWs()));
        s.append(
                classes.conditional()
                        ? String.format(
                                "conditional: c_dim %d (%s), label embedding %d; truncation towards the global"
                                        + " w_avg%n",
                                config.cDim(), classes.choices(), config.embedFeatures())
                        : "unconditional (c_dim 0)\n");
        s.append("channels per resolution:");
        for (int r : config.blockResolutions()) {
            s.append(' ').append(r).append(':').append(config.channels(r));
        }
        s.append(
                String.format(
                        "%nchannel_base %d, channel_max %d, conv_clamp %s%n",
                        config.channelBase(),
                        config.channelMax(),
                        config.convClamp() == null ? "none" : config.convClamp()));
        s.append(
                String.format(
                        "parameters: G_ema %,d%s%s%n",
                        count(gEma),
                        g == null ? "" : ", G " + String.format("%,d", count(g)),
                        d == null
                                ? ", no discriminator"
                                : ", D " + String.format("%,d", count(d))));
        if (intensity.isShared()) {
            s.append(
                    String.format(
                            "intensity: output = raw * %s + %s%n",
                            intensity.scale(), intensity.offset()));
        } else {
            for (int c = 0; c < intensity.channels(); c++) {
                s.append(
                        String.format(
                                "intensity channel %d: output = raw * %s + %s%n",
                                c + 1, intensity.scale(c), intensity.offset(c)));
            }
        }
        model.calibration()
                .ifPresent(c -> s.append("pixel size: ").append(c).append(String.format("%n")));
        s.append(
                        "style groups (coarse/middle/fine: the paper's 4-8, 16-32, 64+ px from 64 px"
                                + " models, thirds of the depth below)")
                .append(StyleGroupSummary.of(model.generator()))
                .append(String.format("%n"));
        s.append("layers: ").append(String.join(", ", model.layerNames()));
        return s.toString();
    }

    private static long count(Module m) {
        return m.namedParameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
    }
}
