package sc.fiji.stylegan2.training.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.ChannelStatistics;
import sc.fiji.stylegan2.model.explore.LayerNames;
import sc.fiji.stylegan2.model.explore.PeakAgreement;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.network.ActivationProbe;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/**
 * Every synthesis layer of one image (seed, ψ = 1, constant noise) captured in one forward pass,
 * with the droplet statistics of each layer (StyleGAN2 paper, Sec. 2, Fig. 1): the whole-layer and
 * the worst channel's {@code max|a| / median|a|}, and the channels' {@link PeakAgreement}.
 *
 * @param image the generated image, raw range
 */
record LayerSpikes(GeneratedImages image, List<Layer> layers) {

    /**
     * One layer's activation and statistics.
     *
     * @param name short name ({@code b64.conv1})
     * @param values the activation {@code [1, C, r, r]}, C order
     */
    record Layer(
            String name,
            float[] values,
            long[] shape,
            double spikeRatio,
            double worstChannelRatio,
            PeakAgreement peaks) {

        int size() {
            return (int) shape[3];
        }
    }

    /** Probes every layer of {@code model} for {@code seed}. */
    static LayerSpikes of(StyleGAN2Model model, long seed) {
        List<String> names = model.layerNames();
        ActivationProbe probe = new ActivationProbe(Set.copyOf(names));
        LabeledLatents latent =
                LatentSource.seeds("seed", seed).resolve(model.imageGenerator(), 1.0);
        GeneratedImages image =
                model.imageGenerator()
                        .synthesize(
                                latent.latents(),
                                latent.labels(),
                                SynthesisOptions.of(NoiseMode.CONST).withProbe(probe),
                                OutputRange.RAW,
                                1,
                                ProgressListener.NONE);
        List<Layer> layers = new ArrayList<>();
        for (String n : names) {
            float[] v = probe.values(n);
            long[] s = probe.shape(n);
            if (v == null) {
                continue; // a layer that did not run (e.g. above the grown resolution)
            }
            double worst = 0;
            for (ChannelStatistics c : ChannelStatistics.perChannel(v, s)) {
                worst = Math.max(worst, c.spikeRatio());
            }
            layers.add(
                    new Layer(
                            LayerNames.shortName(n),
                            v,
                            s,
                            ChannelStatistics.of(v, 0, v.length).spikeRatio(),
                            worst,
                            PeakAgreement.of(v, s)));
        }
        return new LayerSpikes(image, layers);
    }

    /**
     * The feature map the paper's Fig. 1 shows: the last non-toRGB layer of the largest size up to
     * {@code maxSize}.
     */
    Layer figureLayer(int maxSize) {
        Layer best = null;
        for (Layer l : layers) {
            if (!l.name().endsWith("torgb")
                    && l.size() <= maxSize
                    && (best == null || l.size() >= best.size())) {
                best = l;
            }
        }
        return best;
    }

    /**
     * The channel with the largest {@code max|a|} of {@code layer}, row-major {@code r x r}, as |a|
     * (the paper's Fig. 1 shows one such feature map).
     */
    static float[] spikiestChannel(Layer layer) {
        int channels = (int) layer.shape()[1];
        int plane = layer.size() * layer.size();
        int best = 0;
        float bestMax = -1;
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                float a = Math.abs(layer.values()[c * plane + p]);
                if (a > bestMax) {
                    bestMax = a;
                    best = c;
                }
            }
        }
        float[] out = new float[plane];
        for (int p = 0; p < plane; p++) {
            out[p] = Math.abs(layer.values()[best * plane + p]);
        }
        return out;
    }
}
