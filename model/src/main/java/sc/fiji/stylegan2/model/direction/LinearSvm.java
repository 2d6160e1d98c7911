package sc.fiji.stylegan2.model.direction;

import java.util.Random;

/**
 * A linear support vector machine {@code f(x) = wᵀx + b} (L2-regularised hinge loss, {@code min
 * ½|w|² + ½b² + C Σ_i max(0, 1 - y_i f(x_i))}), trained by dual coordinate descent (Hsieh et al.,
 * "A Dual Coordinate Descent Method for Large-scale Linear SVM", ICML 2008, Algorithm 1), the
 * solver of liblinear, which InterFaceGAN's scikit-learn {@code LinearSVC} uses. The bias is a
 * weight on a constant feature 1 (regularised, as liblinear). Deterministic: the visiting order is
 * shuffled with a fixed seed.
 *
 * @param weights w
 * @param bias b
 */
public record LinearSvm(double[] weights, double bias) {

    private static final int MAX_EPOCHS = 1000;
    private static final double TOLERANCE = 1e-4;

    /**
     * Fits the SVM.
     *
     * @param x samples {@code [N, d]}
     * @param positive the label of each sample (true: y = +1)
     * @param c the penalty C
     * @throws IllegalArgumentException when a class has no sample
     */
    public static LinearSvm fit(double[][] x, boolean[] positive, double c) {
        int n = x.length, d = x[0].length;
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        if (pos == 0 || pos == n) {
            throw new IllegalArgumentException("an SVM needs samples of both sets");
        }
        double[] w = new double[d + 1]; // the last weight is the bias
        double[] alpha = new double[n];
        double[] qii = new double[n];
        for (int i = 0; i < n; i++) {
            qii[i] = 1 + dot(x[i], x[i]);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rng = new Random(0);
        for (int epoch = 0; epoch < MAX_EPOCHS; epoch++) {
            shuffle(order, rng);
            double maxPg = Double.NEGATIVE_INFINITY, minPg = Double.POSITIVE_INFINITY;
            for (int i : order) {
                double y = positive[i] ? 1 : -1;
                // G = y_i wᵀx_i - 1, the gradient of the dual in alpha_i
                double g = y * (dot(w, x[i]) + w[d]) - 1;
                double pg = alpha[i] == 0 ? Math.min(g, 0) : alpha[i] == c ? Math.max(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (pg != 0) {
                    double old = alpha[i];
                    // alpha_i = min(max(alpha_i - G / Q_ii, 0), C)
                    alpha[i] = Math.min(Math.max(old - g / qii[i], 0), c);
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
        return new LinearSvm(java.util.Arrays.copyOf(w, d), w[d]);
    }

    /** The decision value {@code wᵀx + b}: positive on the positive side. */
    public double decision(double[] x) {
        return dot(weights, x) + bias;
    }

    /** The fraction of samples on their own side. */
    public double accuracy(double[][] x, boolean[] positive) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += (decision(x[i]) > 0) == positive[i] ? 1 : 0;
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
