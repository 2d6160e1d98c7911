package sc.fiji.stylegan2.training.loss;

/**
 * The weights and schedule of the StyleGAN2 objective (official {@code StyleGAN2Loss} kwargs and the lazy
 * regularisation intervals of {@code training_loop}).
 *
 * @param r1Gamma R1 weight γ
 * @param r1Interval D regularises every this many minibatches (16; StyleGAN2 Sec. 3.1)
 * @param plWeight path length weight (2; 0 disables)
 * @param plDecay decay of the path length running mean (0.01)
 * @param plBatchShrink the path length phase uses batch / this many latents (2)
 * @param plInterval G regularises every this many minibatches (4)
 * @param styleMixingProb probability of mixing two latents (0.9; 0 disables)
 */
public record LossOptions(double r1Gamma, int r1Interval, double plWeight, double plDecay, int plBatchShrink,
        int plInterval, double styleMixingProb) {

    public LossOptions {
        check(Double.isFinite(r1Gamma) && r1Gamma >= 0, "r1_gamma must be a finite number >= 0, got " + r1Gamma);
        check(r1Interval >= 1, "the R1 interval must be >= 1, got " + r1Interval);
        check(Double.isFinite(plWeight) && plWeight >= 0, "pl_weight must be >= 0, got " + plWeight);
        check(plDecay >= 0 && plDecay <= 1, "pl_decay must be in [0, 1], got " + plDecay);
        check(plBatchShrink >= 1, "pl_batch_shrink must be >= 1, got " + plBatchShrink);
        check(plInterval >= 1, "the path length interval must be >= 1, got " + plInterval);
        check(styleMixingProb >= 0 && styleMixingProb <= 1,
                "style_mixing_prob must be in [0, 1], got " + styleMixingProb);
    }

    /** The official defaults with the given γ. */
    public static LossOptions official(double r1Gamma) {
        return new LossOptions(r1Gamma, 16, 2, 0.01, 2, 4, 0.9);
    }

    public LossOptions withR1Gamma(double gamma) {
        return new LossOptions(gamma, r1Interval, plWeight, plDecay, plBatchShrink, plInterval, styleMixingProb);
    }

    public LossOptions withIntervals(int r1Every, int plEvery) {
        return new LossOptions(r1Gamma, r1Every, plWeight, plDecay, plBatchShrink, plEvery, styleMixingProb);
    }

    public LossOptions withPlWeight(double weight) {
        return new LossOptions(r1Gamma, r1Interval, weight, plDecay, plBatchShrink, plInterval, styleMixingProb);
    }

    public LossOptions withStyleMixingProb(double p) {
        return new LossOptions(r1Gamma, r1Interval, plWeight, plDecay, plBatchShrink, plInterval, p);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
