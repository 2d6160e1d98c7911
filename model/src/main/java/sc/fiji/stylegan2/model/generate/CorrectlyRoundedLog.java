package sc.fiji.stylegan2.model.generate;

/**
 * The natural logarithm rounded to the nearest double, for reproducing numpy's Gaussians bit for
 * bit. numpy calls the C library's {@code log}, which in glibc is correctly rounded in all but
 * pathological cases; Java's {@code Math.log} and {@code StrictMath.log} may be one ulp off, and
 * one ulp in z changes w in its last bits.
 *
 * <p>Computed in double-double arithmetic (about 106 bits; Dekker 1971): with x = m·2^k and m in
 * [√½, √2), {@code ln x = k·ln 2 + 2·atanh(s)} where {@code s = (m − 1)/(m + 1)}, |s| ≤ 0.172,
 * summed as {@code 2 Σ s^(2j+1)/(2j+1)} until the terms fall below 2^-110; then the double-double
 * is rounded once.
 */
final class CorrectlyRoundedLog {

    private static final double LN2_HI = 0.6931471805599453;
    private static final double LN2_LO = 2.3190468138462996e-17;
    private static final double SQRT2 = Math.sqrt(2);

    /**
     * 1/(2j+1) for j = 0.. as double-doubles {hi, lo}, so the series multiplies instead of
     * dividing.
     */
    private static final double[][] INV_ODD = new double[32][];

    static {
        for (int j = 0; j < INV_ODD.length; j++) {
            INV_ODD[j] = div(1, 0, 2 * j + 1, 0);
        }
    }

    private CorrectlyRoundedLog() {}

    /** ln(x) for a positive, finite, normal x, correctly rounded. */
    static double log(double x) {
        int k = Math.getExponent(x);
        double m = Math.scalb(x, -k); // [1, 2), exact
        if (m > SQRT2) {
            m *= 0.5;
            k++;
        }
        // s = (m - 1) / (m + 1): m - 1 is exact (Sterbenz), m + 1 exact as a double-double.
        double num = m - 1;
        double denHi = m + 1;
        double denLo = (m - (denHi - 1)) + (1 - (denHi - (denHi - 1)));
        double[] s = div(num, 0, denHi, denLo);
        double[] s2 = mul(s[0], s[1], s[0], s[1]);
        double[] term = s;
        double sumHi = 0, sumLo = 0;
        for (int j = 0; Math.abs(term[0]) > 0x1p-110; j++) {
            double[] t = mul(term[0], term[1], INV_ODD[j][0], INV_ODD[j][1]);
            double[] sum = add(sumHi, sumLo, t[0], t[1]);
            sumHi = sum[0];
            sumLo = sum[1];
            term = mul(term[0], term[1], s2[0], s2[1]);
        }
        double[] kln2 = mul(k, 0, LN2_HI, LN2_LO);
        double[] r = add(2 * sumHi, 2 * sumLo, kln2[0], kln2[1]);
        return r[0] + r[1];
    }

    private static double[] twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new double[] {s, (a - (s - bb)) + (b - bb)};
    }

    private static double[] quickTwoSum(double a, double b) {
        double s = a + b;
        return new double[] {s, b - (s - a)};
    }

    static double[] add(double ah, double al, double bh, double bl) {
        double[] s = twoSum(ah, bh);
        double[] t = twoSum(al, bl);
        double[] u = quickTwoSum(s[0], s[1] + t[0]);
        return quickTwoSum(u[0], u[1] + t[1]);
    }

    static double[] mul(double ah, double al, double bh, double bl) {
        double p = ah * bh;
        double e = Math.fma(ah, bh, -p) + (ah * bl + al * bh);
        return quickTwoSum(p, e);
    }

    static double[] div(double ah, double al, double bh, double bl) {
        double q1 = ah / bh;
        double[] p1 = mul(q1, 0, bh, bl);
        double[] r = add(ah, al, -p1[0], -p1[1]);
        double q2 = r[0] / bh;
        double[] p2 = mul(q2, 0, bh, bl);
        double[] r2 = add(r[0], r[1], -p2[0], -p2[1]);
        double q3 = r2[0] / bh;
        double[] q = quickTwoSum(q1, q2);
        return add(q[0], q[1], q3, 0);
    }
}
