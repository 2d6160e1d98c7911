package sc.fiji.stylegan2.training.metrics;

import java.util.Random;

/**
 * A linear support vector machine with the squared hinge loss, as scikit-learn's {@code LinearSVC}
 * with its defaults (C = 1, tolerance 1e-4, at most 1,000 passes, the intercept as one more feature
 * of value 1, regularised with the weights as liblinear does), trained by liblinear's dual
 * coordinate descent (Hsieh et al., ICML 2008, Algorithm 1 with the L2-loss diagonal D = 1/(2C)):
 *
 * <pre>  min_w ½ |w|² + C Σ_i max(0, 1 − y_i w·x_i)²</pre>
 *
 * <p>The linear separability metric fits one of these per class (StyleGAN, Sec. 4.2).
 */
public final class LinearSvm {

    /** scikit-learn's {@code LinearSVC} defaults. */
    public static final double C = 1, TOLERANCE = 1e-4;

    /** Passes over the data at most (scikit-learn's {@code max_iter}). */
    public static final int MAX_PASSES = 1000;

    private final double[] w; // [d weights, bias]

    private LinearSvm(double[] w) {
        this.w = w;
    }

    /**
     * Fits {@code n} points {@code x [n, d]} (C order) with labels {@code y} (true = the class,
     * false = the rest).
     *
     * @param seed orders the coordinate passes
     */
    public static LinearSvm fit(float[] x, int n, int d, boolean[] y, long seed) {
        double[] w = new double[d + 1];
        double[] alpha = new double[n];
        double diag = 1 / (2 * C); // D_ii of the L2 loss
        double[] qii = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 1; // the intercept feature
            for (int k = 0; k < d; k++) {
                s += (double) x[i * d + k] * x[i * d + k];
            }
            qii[i] = s + diag;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double maxPg = Double.NEGATIVE_INFINITY, minPg = Double.POSITIVE_INFINITY;
            for (int i : order) {
                double yi = y[i] ? 1 : -1;
                // G = y_i w·x_i − 1 + D_ii α_i
                double g = yi * dot(w, x, i, d) - 1 + diag * alpha[i];
                double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (pg != 0) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qii[i], 0);
                    double step = (alpha[i] - old) * yi;
                    for (int k = 0; k < d; k++) {
                        w[k] += step * x[i * d + k];
                    }
                    w[d] += step;
                }
            }
            if (maxPg - minPg < TOLERANCE) {
                break;
            }
        }
        return new LinearSvm(w);
    }

    /** True where the point lies on the class's side of the plane. */
    public boolean[] predict(float[] x, int n, int d) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = dot(w, x, i, d) > 0;
        }
        return out;
    }

    private static double dot(double[] w, float[] x, int i, int d) {
        double s = w[d];
        for (int k = 0; k < d; k++) {
            s += w[k] * x[i * d + k];
        }
        return s;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
