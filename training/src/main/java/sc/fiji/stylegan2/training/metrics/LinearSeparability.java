package sc.fiji.stylegan2.training.metrics;

import java.util.Random;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.linalg.LinearSvm;

/**
 * Linear separability (StyleGAN, Karras et al. 2019, Sec. 4.2; NVlabs/stylegan {@code
 * metrics/linear_separability.py}) of a conditional model's classes: samples z with a class c each,
 * w = mapping(z, c); for every class a {@link LinearSvm} separates it from the rest, once on z and
 * once on w, and its predictions X on the samples are compared with the true labels Y through the
 * conditional entropy H(Y|X) in bits; the score is
 *
 * <pre>  2^(Σ_classes H(Y|X))   (= exp of the sum in nats)</pre>
 *
 * 1 when every class is cut off by a plane; higher is less separable. The labels here are the
 * conditions the samples were generated with, where the official metric labels unconditional
 * samples with attribute classifiers and keeps the more confident half (with exact labels there is
 * nothing to prune). z does not carry the class in a conditional model (c enters beside it), so the
 * Z score is the chance reference of the W score.
 */
public final class LinearSeparability {

    /**
     * Both scores.
     *
     * @param z the score on z
     * @param w the score on w (the last layer's, as the official {@code dlatents[:, -1]})
     * @param samples samples drawn
     * @param seconds wall time
     */
    public record Result(double z, double w, int samples, double seconds) {}

    private LinearSeparability() {}

    /**
     * Draws {@code n} samples of {@code generator} (classes uniform) and scores them.
     *
     * @return the result, or null when canceled
     * @throws IllegalArgumentException when the generator is unconditional
     */
    public static Result compute(
            PathGenerator generator, int n, long seed, ProgressListener progress) {
        int classes = generator.classCount();
        if (classes < 2) {
            throw new IllegalArgumentException(
                    "linear_separability measures how far a conditional model's classes"
                            + " can be told apart; this model is unconditional");
        }
        long start = System.nanoTime();
        Random random = new Random(seed);
        int zDim = generator.zDim(), wDim = generator.wDim(), numWs = generator.numWs();
        float[] z = new float[n * zDim];
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) random.nextGaussian();
        }
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = random.nextInt(classes);
        }
        progress.progress(0, classes, "linear_separability: mapping " + n + " samples");
        float[] ws = generator.mapping(z, n, c);
        float[] w = new float[n * wDim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ws, (i * numWs + numWs - 1) * wDim, w, i * wDim, wDim);
        }
        double[][] zRows = rows(z, n, zDim), wRows = rows(w, n, wDim);
        double hz = 0, hw = 0;
        for (int k = 0; k < classes; k++) {
            if (progress.isCanceled()) {
                return null;
            }
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = c[i] == k;
            }
            hz += conditionalEntropy(classify(zRows, y, seed), y);
            hw += conditionalEntropy(classify(wRows, y, seed), y);
            progress.progress(
                    k + 1L, classes, "linear_separability: class " + (k + 1) + "/" + classes);
        }
        return new Result(Math.pow(2, hz), Math.pow(2, hw), n, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The predictions of a linear SVM fitted to {@code y}: scikit-learn's {@code LinearSVC} with
     * its defaults (squared hinge, C = 1), as the official metric.
     */
    private static boolean[] classify(double[][] x, boolean[] y, long seed) {
        return LinearSvm.fit(x, y, 1, LinearSvm.Loss.SQUARED_HINGE, seed).predict(x);
    }

    /** The rows of {@code x [n, d]} (C order). */
    private static double[][] rows(float[] x, int n, int d) {
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                out[i][k] = x[i * d + k];
            }
        }
        return out;
    }

    /**
     * H(Y|X) in bits of the 2 x 2 table of predictions X and labels Y: H(Y) − I(X; Y), at least 0.
     */
    public static double conditionalEntropy(boolean[] x, boolean[] y) {
        double[][] p = new double[2][2];
        for (int i = 0; i < x.length; i++) {
            p[x[i] ? 1 : 0][y[i] ? 1 : 0] += 1.0 / x.length;
        }
        double hy = 0, mi = 0;
        for (int b = 0; b < 2; b++) {
            double py = p[0][b] + p[1][b];
            // H(Y) = −Σ p(y) log₂ p(y)
            hy -= py > 0 ? py * log2(py) : 0;
            for (int a = 0; a < 2; a++) {
                double px = p[a][0] + p[a][1];
                // I(X; Y) = Σ p(x, y) log₂ (p(x, y) / (p(x) p(y)))
                mi += p[a][b] > 0 ? p[a][b] * log2(p[a][b] / (px * py)) : 0;
            }
        }
        return Math.max(0, hy - mi);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
