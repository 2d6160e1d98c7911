package sc.fiji.stylegan2.training.metrics;

import java.util.Random;

/**
 * Kernel Inception Distance (Bińkowski et al. 2018, Sec. 3.2): the unbiased estimate of the squared
 * maximum mean discrepancy with the cubic polynomial kernel {@code k(x, y) = (xᵀy / d + 1)³},
 * averaged over random subsets as the official {@code metrics/kernel_inception_distance.py}: per
 * subset, m generated vectors x and m real vectors y drawn without replacement ({@code m =
 * min(n_gen, n_real, max_subset_size)}), and
 *
 * <pre>
 *   t += (Σ_{i≠j} k(x_i,x_j) + Σ_{i≠j} k(y_i,y_j)) / (m − 1) − 2 Σ_{i,j} k(x_i,y_j) / m
 *   KID = t / num_subsets / m
 * </pre>
 *
 * When both sets are small enough the three kernel matrices are computed once and the subsets only
 * sum entries of them; otherwise each subset computes its own.
 */
public final class KernelInceptionDistance {

    /** Official defaults: 100 subsets of at most 1000. */
    public static final int NUM_SUBSETS = 100;

    public static final int MAX_SUBSET_SIZE = 1000;

    /** Largest set for which kernel matrices are cached (3 float matrices of this size squared). */
    private static final int CACHE_LIMIT = 3000;

    private KernelInceptionDistance() {}

    /** KID with the official subset counts. */
    public static double between(
            float[] gen, int nGen, float[] real, int nReal, int dim, long seed) {
        return between(gen, nGen, real, nReal, dim, NUM_SUBSETS, MAX_SUBSET_SIZE, seed);
    }

    /**
     * KID between {@code nGen} generated and {@code nReal} real feature vectors of length {@code
     * dim} (row-major), with subsets drawn from {@code seed}.
     */
    public static double between(
            float[] gen,
            int nGen,
            float[] real,
            int nReal,
            int dim,
            int numSubsets,
            int maxSubsetSize,
            long seed) {
        boolean cache = nGen <= CACHE_LIMIT && nReal <= CACHE_LIMIT;
        return compute(gen, nGen, real, nReal, dim, numSubsets, maxSubsetSize, seed, cache);
    }

    /**
     * KID with the kernel matrices cached or computed per subset (the same value up to float
     * rounding).
     */
    static double compute(
            float[] gen,
            int nGen,
            float[] real,
            int nReal,
            int dim,
            int numSubsets,
            int maxSubsetSize,
            long seed,
            boolean cache) {
        int m = Math.min(Math.min(nGen, nReal), maxSubsetSize);
        if (m < 2) {
            throw new IllegalArgumentException("KID needs at least 2 vectors in each set");
        }
        Kernel kxx = kernel(gen, gen, dim, nGen, nGen, cache);
        Kernel kyy = kernel(real, real, dim, nReal, nReal, cache);
        Kernel kxy = kernel(gen, real, dim, nGen, nReal, cache);
        Random rng = new Random(seed);
        double t = 0;
        for (int s = 0; s < numSubsets; s++) {
            int[] x = choose(nGen, m, rng), y = choose(nReal, m, rng);
            double a = offDiagonalSum(kxx, x) + offDiagonalSum(kyy, y);
            double b = 0;
            for (int i : x) {
                for (int j : y) {
                    b += kxy.at(i, j);
                }
            }
            t += a / (m - 1) - b * 2 / m;
        }
        return t / numSubsets / m;
    }

    /** {@code k(x_i, y_j)} by index. */
    private interface Kernel {
        double at(int i, int j);
    }

    private static Kernel kernel(float[] x, float[] y, int dim, int nx, int ny, boolean cache) {
        Kernel direct =
                (i, j) -> {
                    double dot = 0;
                    for (int k = 0; k < dim; k++) {
                        dot += (double) x[i * dim + k] * y[j * dim + k];
                    }
                    double base = dot / dim + 1; // k(x, y) = (xᵀy / d + 1)³
                    return base * base * base;
                };
        if (!cache) {
            return direct;
        }
        float[] values = new float[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                values[i * ny + j] = (float) direct.at(i, j);
            }
        }
        return (i, j) -> values[i * ny + j];
    }

    private static double offDiagonalSum(Kernel k, int[] idx) {
        double sum = 0;
        for (int a = 0; a < idx.length; a++) {
            for (int b = 0; b < idx.length; b++) {
                if (a != b) {
                    sum += k.at(idx[a], idx[b]);
                }
            }
        }
        return sum;
    }

    /**
     * {@code m} distinct indices of {@code 0..n−1} (partial Fisher–Yates), as {@code
     * np.random.choice(replace=False)}.
     */
    private static int[] choose(int n, int m, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, m);
    }
}
