package sc.fiji.stylegan2.training.metrics;

import java.util.Arrays;

/**
 * Percentiles as numpy's {@code np.percentile(a, q, interpolation='lower' | 'higher')}: of the
 * values sorted ascending, the one at index ⌊q/100 · (n − 1)⌋ or ⌈q/100 · (n − 1)⌉, no
 * interpolation between neighbours; and the official path-length filter that keeps the values
 * between the 1st and the 99th percentile.
 */
public final class Percentiles {

    private Percentiles() {}

    /** numpy {@code percentile(values, q, interpolation='lower')}; {@code q} in [0, 100]. */
    public static double lower(double[] values, double q) {
        double[] s = sorted(values);
        return s[(int) Math.floor(virtualIndex(q, s.length))];
    }

    /** numpy {@code percentile(values, q, interpolation='higher')}; {@code q} in [0, 100]. */
    public static double higher(double[] values, double q) {
        double[] s = sorted(values);
        return s[(int) Math.ceil(virtualIndex(q, s.length))];
    }

    /**
     * The values {@code lo ≤ v ≤ hi} with {@code lo} the 1st percentile ({@code lower}) and {@code
     * hi} the 99th ({@code higher}), as the official {@code compute_ppl} filters the distances.
     */
    public static double[] between1And99(double[] values) {
        double lo = lower(values, 1), hi = higher(values, 99);
        return Arrays.stream(values).filter(v -> v >= lo && v <= hi).toArray();
    }

    /** numpy's position of percentile {@code q} among {@code n} sorted values: q/100 · (n − 1). */
    private static double virtualIndex(double q, int n) {
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile " + q + " is outside 0..100");
        }
        return q / 100 * (n - 1);
    }

    private static double[] sorted(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
