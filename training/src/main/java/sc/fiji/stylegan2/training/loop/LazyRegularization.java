package sc.fiji.stylegan2.training.loop;

/**
 * Lazy regularisation (StyleGAN2 Sec. 3.1): a regulariser is evaluated only every {@code interval}
 * minibatches, with its loss multiplied by the interval so that its average strength stays the
 * same. Because the optimizer then takes {@code interval + 1} steps per {@code interval}
 * minibatches, the official code rescales Adam with {@code mb_ratio = interval / (interval + 1)}:
 *
 * <pre>
 *   lr' = lr · mb_ratio        β' = β^mb_ratio
 * </pre>
 *
 * @param interval regularise every this many minibatches (G: 4, D: 16)
 */
public record LazyRegularization(int interval) {

    public LazyRegularization {
        if (interval < 1) {
            throw new IllegalArgumentException(
                    "regularisation interval must be >= 1, got " + interval);
        }
    }

    /** {@code interval / (interval + 1)}. */
    public double mbRatio() {
        return interval / (interval + 1.0);
    }

    /** {@code lr · mb_ratio}. */
    public double learningRate(double lr) {
        return lr * mbRatio();
    }

    /** {@code β^mb_ratio}. */
    public double beta(double beta) {
        return Math.pow(beta, mbRatio());
    }

    /**
     * True when minibatch {@code batchIdx} (0-based, counted from the start of training)
     * regularises.
     */
    public boolean regularizesAt(long batchIdx) {
        return batchIdx % interval == 0;
    }

    /** The factor on the regularisation loss: the interval. */
    public double gain() {
        return interval;
    }
}
