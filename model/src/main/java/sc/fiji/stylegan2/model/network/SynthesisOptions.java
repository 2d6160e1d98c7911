package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.function.Predicate;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.model.torch.MemoryFormat;

/**
 * How to run the synthesis network.
 *
 * @param noiseMode where the noise inputs come from
 * @param modconv how the synthesis layers compute their modulated convolution
 * @param probe collects intermediate outputs, or null
 * @param noiseInputs per-layer noise maps that replace {@code noise_const} (before the learned
 *     strength), keyed by layer name ({@code synthesis.b8.conv0}), each broadcastable to {@code [N,
 *     1, res, res]}: the projector optimises these (StyleGAN2 Sec. 5); null or a missing key: the
 *     noise mode decides
 * @param noiseLayers which layers get noise at all (StyleGAN Fig. 5: coarse or fine only), by layer
 *     name; null: all
 * @param channelsLast compute in channels-last layout ({@link MemoryFormat}), or not; null (the
 *     default of {@link #of}): channels-last where it pays ({@link #channelsLastOrDefault}). The
 *     values are the same either way
 */
public record SynthesisOptions(
        NoiseMode noiseMode,
        ModconvStrategy modconv,
        ActivationProbe probe,
        Map<String, NDArray> noiseInputs,
        Predicate<String> noiseLayers,
        Boolean channelsLast) {

    public SynthesisOptions(NoiseMode noiseMode, ModconvStrategy modconv, ActivationProbe probe) {
        this(noiseMode, modconv, probe, null, null, null);
    }

    public static SynthesisOptions of(NoiseMode mode) {
        return new SynthesisOptions(mode, ModconvStrategy.UNFUSED, null, null, null, null);
    }

    /**
     * Whether the synthesis network computes channels-last: as set by {@link #withChannelsLast}, or
     * else in the unfused forms (the fused form folds the batch into the channels, which copies a
     * channels-last tensor). Generation measured 3-23 % faster channels-last at 32-256 px, batch 1
     * and 8, float32 and bfloat16 ({@code bench/README.md}).
     */
    public boolean channelsLastOrDefault() {
        if (channelsLast != null) {
            return channelsLast;
        }
        return !modconv.fused();
    }

    public SynthesisOptions withProbe(ActivationProbe p) {
        return new SynthesisOptions(noiseMode, modconv, p, noiseInputs, noiseLayers, channelsLast);
    }

    public SynthesisOptions withNoiseInputs(Map<String, NDArray> inputs) {
        return new SynthesisOptions(noiseMode, modconv, probe, inputs, noiseLayers, channelsLast);
    }

    public SynthesisOptions withNoiseLayers(Predicate<String> layers) {
        return new SynthesisOptions(noiseMode, modconv, probe, noiseInputs, layers, channelsLast);
    }

    public SynthesisOptions withModconv(ModconvStrategy strategy) {
        return new SynthesisOptions(
                noiseMode, strategy, probe, noiseInputs, noiseLayers, channelsLast);
    }

    /** Channels-last or not, whatever the resolution. */
    public SynthesisOptions withChannelsLast(boolean nhwc) {
        return new SynthesisOptions(noiseMode, modconv, probe, noiseInputs, noiseLayers, nhwc);
    }

    /** Hands a layer's output to the probe, if any (for every synthesis architecture). */
    public void offer(String name, NDArray x) {
        if (probe != null) {
            probe.offer(name, x);
        }
    }

    /** The explicit noise map of a layer, or null. */
    public NDArray noiseInput(String layer) {
        return noiseInputs == null ? null : noiseInputs.get(layer);
    }

    /** False for a layer whose noise is switched off by {@link #withNoiseLayers}. */
    public boolean noiseEnabled(String layer) {
        return noiseLayers == null || noiseLayers.test(layer);
    }
}
