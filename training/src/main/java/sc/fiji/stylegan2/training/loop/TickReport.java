package sc.fiji.stylegan2.training.loop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution;

/**
 * The statistics of one progress tick, as the official status line: where training is, how fast it
 * goes, and the tick's mean losses and penalties; for a StyleGAN2 skip generator also how much each
 * resolution's toRGB contributes to G_ema's output at the tick's end (StyleGAN2 Fig. 8).
 *
 * @param tick the tick number (0 is the first)
 * @param kimg thousands of real images shown so far
 * @param totalKimg the run's length
 * @param secPerKimg seconds per thousand images during this tick
 * @param tickSeconds the tick's wall-clock seconds
 * @param trainingSeconds seconds spent training so far (over resumes)
 * @param etaSeconds estimated seconds to the end, at this tick's speed
 * @param plMean the path length running mean
 * @param stats tick means by official name: {@code Loss/G/loss}, {@code Loss/D/loss}, {@code
 *     Loss/G/reg}, {@code Loss/D/reg}, {@code Loss/pl_penalty}, {@code Loss/r1_penalty}, {@code
 *     Loss/scores/fake}, {@code Loss/scores/real}, {@link #NONFINITE_GRADIENTS}, {@link
 *     #REAL_SIGNS} and {@link #AUGMENT}
 * @param torgb G_ema's toRGB share per resolution, lowest first ({@link ToRgbContribution}), or
 *     empty for a generator without one toRGB output per resolution (the original StyleGAN)
 */
public record TickReport(
        long tick,
        double kimg,
        double totalKimg,
        double secPerKimg,
        double tickSeconds,
        double trainingSeconds,
        double etaSeconds,
        double plMean,
        Map<String, Double> stats,
        List<ToRgbContribution.Share> torgb) {

    /**
     * Parameter tensors per minibatch whose gradient had NaN or ±inf, set to finite values before
     * the step.
     */
    public static final String NONFINITE_GRADIENTS = "Progress/nonfinite_grads";

    /** Mean of sign(D(x_real)) over the tick's Dmain phases: the ADA overfitting heuristic r_t. */
    public static final String REAL_SIGNS = "Loss/signs/real";

    /** The augmentation probability p at the end of the tick (0 without augmentation). */
    public static final String AUGMENT = "Progress/augment";

    /** The statistics the CSV log shows, in order (columns added later go last). */
    public static final String[] STAT_NAMES = {
        "Loss/G/loss",
        "Loss/D/loss",
        "Loss/G/reg",
        "Loss/D/reg",
        "Loss/pl_penalty",
        "Loss/r1_penalty",
        "Loss/scores/fake",
        "Loss/scores/real",
        NONFINITE_GRADIENTS,
        REAL_SIGNS,
        AUGMENT
    };

    public TickReport {
        torgb = List.copyOf(torgb);
    }

    /** The toRGB share of the block at {@code resolution}, or NaN when the tick has none. */
    public double torgbShare(int resolution) {
        for (ToRgbContribution.Share s : torgb) {
            if (s.resolution() == resolution) {
                return s.share();
            }
        }
        return Double.NaN;
    }

    /** A tick mean, or NaN when the tick had none. */
    public double stat(String name) {
        return stats.getOrDefault(name, Double.NaN);
    }

    /**
     * One status line, e.g. {@code tick 3 kimg 12.0/50 sec/kimg 14.2 eta 9m G 1.02 D 1.31 r1 0.04
     * pl 0.21 augment 0.012 rt 0.63 torgb 4:0.18 8:0.33 16:0.49}.
     */
    public String statusLine() {
        StringBuilder shares = new StringBuilder();
        for (ToRgbContribution.Share s : torgb) {
            shares.append(shares.length() == 0 ? "  torgb" : "")
                    .append(String.format(Locale.ROOT, " %d:%.2f", s.resolution(), s.share()));
        }
        return String.format(
                Locale.ROOT,
                "tick %d  kimg %.1f/%.0f  sec/kimg %.2f  eta %s  G %.3f  D %.3f  r1 %.4f"
                        + "  pl %.4f  augment %.3f  rt %.2f%s",
                tick,
                kimg,
                totalKimg,
                secPerKimg,
                duration(etaSeconds),
                stat("Loss/G/loss"),
                stat("Loss/D/loss"),
                stat("Loss/r1_penalty"),
                stat("Loss/pl_penalty"),
                stat(AUGMENT),
                stat(REAL_SIGNS),
                shares);
    }

    /** {@code 1h 05m}, {@code 12m 30s}, {@code 45s}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }
}
