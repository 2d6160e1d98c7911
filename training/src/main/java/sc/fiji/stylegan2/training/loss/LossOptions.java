package sc.fiji.stylegan2.training.loss;

/**
 * The weights and schedule of the StyleGAN2 objective (official {@code StyleGAN2Loss} kwargs and
 * the lazy regularisation intervals of {@code training_loop}).
 *
 * @param r1Gamma R1 weight γ
 * @param r1Interval D regularises every this many minibatches (16; StyleGAN2 Sec. 3.1)
 * @param plWeight path length weight (2; 0 disables)
 * @param plDecay decay of the path length running mean (0.01)
 * @param plBatchShrink the path length phase uses batch / this many latents (2)
 * @param plInterval G regularises every this many minibatches (4)
 * @param styleMixingProb probability of mixing two latents (0.9; 0 disables)
 */
public record LossOptions(
        double r1Gamma,
        int r1Interval,
        double plWeight,
        double plDecay,
        int plBatchShrink,
        int plInterval,
        double styleMixingProb) {

    public LossOptions {
        R1Penalty.requireGamma(r1Gamma);
        check(r1Interval >= 1, "the R1 interval must be >= 1, got " + r1Interval);
        PathLengthPenalty.requireWeight(plWeight);
        PathLengthPenalty.requireDecay(plDecay);
        StyleGAN2Loss.requirePlBatchShrink(plBatchShrink);
        check(plInterval >= 1, "the path length interval must be >= 1, got " + plInterval);
        MixingRegularization.requireProbability(styleMixingProb);
    }

    /** The official defaults with the given γ. */
    public static LossOptions official(double r1Gamma) {
        return new LossOptions(r1Gamma, 16, 2, 0.01, 2, 4, 0.9);
    }

    public LossOptions withR1Gamma(double gamma) {
        return new LossOptions(
                gamma, r1Interval, plWeight, plDecay, plBatchShrink, plInterval, styleMixingProb);
    }

    public LossOptions withIntervals(int r1Every, int plEvery) {
        return new LossOptions(
                r1Gamma, r1Every, plWeight, plDecay, plBatchShrink, plEvery, styleMixingProb);
    }

    public LossOptions withPlWeight(double weight) {
        return new LossOptions(
                r1Gamma, r1Interval, weight, plDecay, plBatchShrink, plInterval, styleMixingProb);
    }

    public LossOptions withStyleMixingProb(double p) {
        return new LossOptions(
                r1Gamma, r1Interval, plWeight, plDecay, plBatchShrink, plInterval, p);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
