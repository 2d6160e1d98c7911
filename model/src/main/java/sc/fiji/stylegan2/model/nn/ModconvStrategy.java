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
    UNFUSED,
    /**
     * As {@link #UNFUSED}, but a 2x upsampling convolution runs with the FIR filter folded into its
     * kernel, as four convolutions at the input resolution, one per output phase ({@link
     * PolyphaseUpsample}), instead of the official transposed convolution followed by the depthwise
     * FIR filter. Four times the multiply-adds of the 3x3 transposed convolution, but no depthwise
     * convolution, whose double backward PyTorch runs as one small convolution per channel: the
     * path-length phase's form (its second-order gradient passes through the upsampling; about 20 %
     * of the phase for config {@code small}, {@code bench/README.md}).
     */
    UNFUSED_POLYPHASE;

    /** Whether this is the fused form. */
    public boolean fused() {
        return this == FUSED;
    }

    /** Whether a 2x upsampling convolution runs as phase convolutions with the filter folded in. */
    public boolean polyphaseUpsampling() {
        return this == UNFUSED_POLYPHASE;
    }
}
