package sc.fiji.stylegan2.training.metrics;

import sc.fiji.stylegan2.model.linalg.SymmetricEigen;

/**
 * The Fréchet distance between two Gaussians fitted to features (Heusel et al. 2017, Eq. 6; Dowson
 * and Landau 1982):
 *
 * <pre>
 *   FD = |μ₁ − μ₂|² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½)
 * </pre>
 *
 * The official code takes {@code scipy.linalg.sqrtm(Σ₁ Σ₂)}, a non-symmetric square root. Here the
 * trace of the root is taken through two symmetric eigen-decompositions in double precision: {@code
 * Σ₁^½ = V Λ^½ Vᵀ}, then {@code tr M^½ = Σ_k sqrt(λ_k(M))} for the symmetric PSD {@code M = Σ₁^½ Σ₂
 * Σ₁^½}, which has the same eigenvalues as {@code Σ₁ Σ₂}. Round-off eigenvalues below zero are
 * clamped to zero.
 */
public final class FrechetDistance {

    private FrechetDistance() {}

    /** FD between the Gaussians of two feature sets of the same dimension. */
    public static double between(FeatureStatistics a, FeatureStatistics b) {
        int d = a.dimension();
        if (b.dimension() != d) {
            throw new IllegalArgumentException(
                    "feature dimensions differ: " + d + " and " + b.dimension());
        }
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += a.covariance()[i][i] + b.covariance()[i][i];
        }
        return meanTerm + trace - 2 * traceOfSqrtProduct(a.covariance(), b.covariance());
    }

    /** {@code tr (Σ₁^½ Σ₂ Σ₁^½)^½}. */
    static double traceOfSqrtProduct(double[][] s1, double[][] s2) {
        double[][] root = sqrtPsd(s1);
        double[][] m = multiply(multiply(root, s2), root);
        double sum = 0;
        for (double lambda : SymmetricEigen.eigenvalues(symmetrize(m))) {
            sum += Math.sqrt(Math.max(lambda, 0));
        }
        return sum;
    }

    /** The symmetric PSD square root {@code V max(Λ, 0)^½ Vᵀ}. */
    static double[][] sqrtPsd(double[][] s) {
        SymmetricEigen eig = SymmetricEigen.of(s);
        double[] lambda = eig.values();
        double[][] v = eig.vectors();
        int n = lambda.length;
        double[][] vs = new double[n][n]; // V Λ^½
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                vs[i][k] = v[i][k] * Math.sqrt(Math.max(lambda[k], 0));
            }
        }
        return multiplyTransposed(vs, v);
    }

    /** {@code A B}, row-major, i-k-j order for contiguous access. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, inner = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /** {@code A Bᵀ}. */
    private static double[][] multiplyTransposed(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][b.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < b.length; j++) {
                double acc = 0;
                for (int k = 0; k < a[i].length; k++) {
                    acc += a[i][k] * b[j][k];
                }
                c[i][j] = acc;
            }
        }
        return c;
    }

    private static double[][] symmetrize(double[][] m) {
        int n = m.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        return s;
    }
}
