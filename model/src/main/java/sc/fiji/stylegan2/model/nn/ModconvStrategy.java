package sc.fiji.stylegan2.model.nn;

/**
 * How a modulated convolution ({@link ModulatedConv2d}) is computed. Both forms give the same sum;
 * they differ in speed. The official code's {@code fused_modconv} flag, with the batch-size rule as
 * a third choice.
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
     * Fused for a batch of one, unfused otherwise: on CPU the shared convolution runs several times
     * faster than a grouped one for batches above one.
     */
    BY_BATCH;

    /** Whether a batch of {@code n} samples runs the fused form. */
    public boolean fused(long n) {
        return this == FUSED || (this == BY_BATCH && n == 1);
    }
}
