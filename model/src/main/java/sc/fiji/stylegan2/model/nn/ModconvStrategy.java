package sc.fiji.stylegan2.model.nn;

/**
 * How a modulated convolution ({@link ModulatedConv2d}) is computed. Both forms give the same sum;
 * they differ in speed. The official code's {@code fused_modconv} flag.
 *
 * <p>Unfused is the default everywhere, batch 1 included: its convolution weight and demodulation
 * terms depend on the weights alone, so a run of inference derives them once ({@link WeightCache}),
 * where the fused form must modulate a per-sample copy of every weight in every forward pass
 * (measured in {@code bench/README.md}, "Batch 1").
 */
public enum ModconvStrategy {
    /**
     * One grouped convolution with a per-sample modulated weight (the batch becomes the groups).
     */
    FUSED,
    /**
     * Scale the activations by the styles before and by the demodulation after one shared
     * convolution.
     */
    UNFUSED;

    /** Whether this is the fused form. */
    public boolean fused() {
        return this == FUSED;
    }
}
