package sc.fiji.stylegan2.model.linalg;

import java.util.Arrays;
import java.util.Random;

/**
 * A linear support vector machine {@code f(x) = wᵀx + b}, trained by liblinear's dual coordinate
 * descent (Hsieh et al., "A Dual Coordinate Descent Method for Large-scale Linear SVM", ICML 2008,
 * Algorithm 1), the solver behind scikit-learn's {@code LinearSVC}. The bias is a weight on a
 * constant feature 1, regularised with the others, as liblinear does. The two losses of that paper:
 *
 * <pre>
 *   hinge:          min_w ½|w|² + C Σ_i max(0, 1 − y_i f(x_i))     (D_ii = 0,      U = C)
 *   squared hinge:  min_w ½|w|² + C Σ_i max(0, 1 − y_i f(x_i))²    (D_ii = 1/(2C), U = ∞)
 * </pre>
 *
 * InterFaceGAN's boundaries use the hinge loss; the linear separability metric (StyleGAN Sec. 4.2)
 * uses {@code LinearSVC}'s default, the squared hinge. Deterministic for a given seed (it orders
 * the coordinate passes).
 *
 * @param weights w
 * @param bias b
 */
public record LinearSvm(double[] weights, double bias) {

    /** The loss of the primal problem. */
    public enum Loss {
        HINGE,
        SQUARED_HINGE
    }

    /** Passes over the data at most (scikit-learn's {@code max_iter}). */
    public static final int MAX_PASSES = 1000;

    /** Stop when the projected gradient spans less than this (scikit-learn's {@code tol}). */
    public static final double TOLERANCE = 1e-4;

    /**
     * Fits the SVM.
     *
     * @param x samples {@code [N, d]}
     * @param positive the label of each sample (true: y = +1)
     * @param c the penalty C
     * @param loss hinge or squared hinge
     * @param seed orders the coordinate passes
     * @throws IllegalArgumentException when there are no samples
     */
    public static LinearSvm fit(double[][] x, boolean[] positive, double c, Loss loss, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("an SVM needs samples");
        }
        int n = x.length, d = x[0].length;
        double diag = loss == Loss.SQUARED_HINGE ? 1 / (2 * c) : 0;
        double upper = loss == Loss.SQUARED_HINGE ? Double.POSITIVE_INFINITY : c;
        double[] w = new double[d + 1]; // the last weight is the bias
        double[] alpha = new double[n];
        double[] qii = new double[n];
        for (int i = 0; i < n; i++) {
            // Q_ii = x_iᵀx_i (with the constant feature 1) + D_ii
            qii[i] = 1 + dot(x[i], x[i]) + diag;
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random rng = new Random(seed);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, rng);
            double maxPg = Double.NEGATIVE_INFINITY, minPg = Double.POSITIVE_INFINITY;
            for (int i : order) {
                double y = positive[i] ? 1 : -1;
                // G = y_i wᵀx_i − 1 + D_ii α_i, the gradient of the dual in α_i
                double g = y * (dot(w, x[i]) + w[d]) - 1 + diag * alpha[i];
                double pg = alpha[i] == 0 ? Math.min(g, 0) : alpha[i] == upper ? Math.max(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (pg != 0) {
                    double old = alpha[i];
                    // α_i = min(max(α_i − G / Q_ii, 0), U)
                    alpha[i] = Math.min(Math.max(old - g / qii[i], 0), upper);
                    double step = (alpha[i] - old) * y;
                    for (int j = 0; j < d; j++) {
                        w[j] += step * x[i][j];
                    }
                    w[d] += step;
                }
            }
            if (maxPg - minPg < TOLERANCE) {
                break;
            }
        }
        return new LinearSvm(Arrays.copyOf(w, d), w[d]);
    }

    /** The decision value {@code wᵀx + b}: positive on the positive side. */
    public double decision(double[] x) {
        return dot(weights, x) + bias;
    }

    /** True where a sample lies on the positive side. */
    public boolean[] predict(double[][] x) {
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = decision(x[i]) > 0;
        }
        return out;
    }

    /** The fraction of samples on their own side. */
    public double accuracy(double[][] x, boolean[] positive) {
        boolean[] predicted = predict(x);
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += predicted[i] == positive[i] ? 1 : 0;
        }
        return right / (double) x.length;
    }

    /** Σ_j a_j b_j over the length of b. */
    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
