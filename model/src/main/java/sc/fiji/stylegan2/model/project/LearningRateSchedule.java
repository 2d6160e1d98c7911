package sc.fiji.stylegan2.model.project;

/**
 * The projector's learning rate over the optimisation (StyleGAN2 appendix D; official {@code
 * projector.py}): a linear ramp-up over the first {@code rampUp} of the steps and a cosine
 * ramp-down over the last {@code rampDown}. With {@code t = step / num_steps}:
 *
 * <pre>
 *   lr(t) = lr0 · (0.5 − 0.5 cos(π · min(1, (1 − t) / rampDown))) · min(1, t / rampUp)
 * </pre>
 *
 * @param initial lr0 (official 0.1)
 * @param rampDown fraction of the steps of the cosine ramp-down (official 0.25)
 * @param rampUp fraction of the steps of the linear ramp-up (official 0.05); 0 for none
 */
public record LearningRateSchedule(double initial, double rampDown, double rampUp) {

    /** The official schedule: lr0 0.1, ramp-down over the last 25 %, ramp-up over the first 5 %. */
    public static final LearningRateSchedule OFFICIAL = new LearningRateSchedule(0.1, 0.25, 0.05);

    public LearningRateSchedule {
        if (!(initial > 0) || !(rampDown > 0) || !(rampUp >= 0)) {
            throw new IllegalArgumentException(
                    "learning rate must be > 0, ramp-down > 0 and ramp-up >= 0");
        }
    }

    /** The learning rate at {@code t = step / num_steps} in [0, 1]. */
    public double at(double t) {
        // 0.5 − 0.5 cos(π · min(1, (1 − t) / rampDown)): 1 until the last rampDown, then a half
        // cosine to 0.
        double down = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, (1 - t) / rampDown));
        // min(1, t / rampUp): 0 at the first step, as the official projector.
        double up = rampUp == 0 ? 1 : Math.min(1, t / rampUp);
        return initial * down * up;
    }
}
