package sc.fiji.stylegan2.model.nn;

/**
 * The activations StyleGAN2 uses, with the official default gains: {@code lrelu} (slope 0.2, gain
 * √2 so that the signal keeps unit variance, He et al. 2015) and {@code linear} (gain 1).
 */
public enum Activation {
    LINEAR(1.0, 0.0),
    LRELU(Math.sqrt(2.0), 0.2);

    private final double defaultGain;
    private final double alpha;

    Activation(double defaultGain, double alpha) {
        this.defaultGain = defaultGain;
        this.alpha = alpha;
    }

    public double defaultGain() {
        return defaultGain;
    }

    /** Negative slope of the leaky ReLU. */
    public double alpha() {
        return alpha;
    }
}
