package sc.fiji.stylegan2.model.project;

/**
 * The strength of the Gaussian noise added to w at every projection step (StyleGAN2 appendix D:
 * "ramped-down noise" that explores the latent space early on; official {@code projector.py}). With
 * {@code t = step / num_steps} and {@code σ_w} the spread of w around {@code w_avg}:
 *
 * <pre>
 *   σ(t) = σ_w · factor · max(0, 1 − t / ramp)²
 * </pre>
 *
 * @param factor the initial fraction of {@code σ_w} (official 0.05)
 * @param ramp the fraction of the steps over which it falls to zero (official 0.75)
 */
public record NoiseStrengthSchedule(double factor, double ramp) {

    /** The official schedule: 5 % of σ_w, quadratically to zero at three quarters of the steps. */
    public static final NoiseStrengthSchedule OFFICIAL = new NoiseStrengthSchedule(0.05, 0.75);

    public NoiseStrengthSchedule {
        if (!(factor >= 0) || !(ramp > 0)) {
            throw new IllegalArgumentException("noise factor must be >= 0 and its ramp > 0");
        }
    }

    /**
     * The standard deviation of the w noise at {@code t} for a model whose w spread is {@code
     * wStd}.
     */
    public double at(double t, double wStd) {
        double fall = Math.max(0, 1 - t / ramp);
        return wStd * factor * fall * fall;
    }
}
