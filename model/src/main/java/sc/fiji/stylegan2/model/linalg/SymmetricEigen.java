package sc.fiji.stylegan2.model.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigen-decomposition {@code A = V diag(λ) Vᵀ} of a real symmetric matrix in double precision, for
 * the matrix square roots of the Fréchet distance (training's metrics) and the latent directions of
 * SeFa and PCA ({@code model.direction}): Householder reduction to tridiagonal form, then implicit
 * symmetric QR steps with the Wilkinson shift until every off-diagonal element is negligible (Golub
 * and Van Loan, Matrix Computations, 4th ed., Algorithms 8.3.1 and 8.3.3). O(n³); a 2048 x 2048
 * covariance takes seconds.
 */
public final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);
    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Eigenvalues (ascending) and eigenvectors of a symmetric matrix (only its lower triangle is
     * read).
     */
    public static SymmetricEigen of(double[][] a) {
        return decompose(a, true);
    }

    /** Eigenvalues only (ascending), cheaper than {@link #of}. */
    public static double[] eigenvalues(double[][] a) {
        return decompose(a, false).values;
    }

    /** Eigenvalues, ascending. */
    public double[] values() {
        return values.clone();
    }

    /**
     * Eigenvectors as columns: {@code vectors()[i][k]} is component i of the eigenvector of {@code
     * values()[k]}.
     */
    public double[][] vectors() {
        return vectors;
    }

    private static SymmetricEigen decompose(double[][] input, boolean wantVectors) {
        int n = input.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (input[i].length != n) {
                throw new IllegalArgumentException(
                        "matrix must be square, row " + i + " has " + input[i].length);
            }
            a[i] = input[i].clone();
            for (int j = i + 1; j < n; j++) {
                a[i][j] = input[j][i]; // symmetric from the lower triangle
            }
        }
        double[][] q = wantVectors ? identity(n) : null;
        double[] d = new double[n], e = new double[Math.max(0, n - 1)];
        tridiagonalize(a, q, d, e);
        diagonalize(d, e, q);
        return sorted(d, q);
    }

    /**
     * Householder reduction {@code A = Q T Qᵀ} (Algorithm 8.3.1): for each column k, the reflector
     * {@code H = I − 2vvᵀ} zeroes {@code A[k+2.., k]}; with {@code p = A v} and {@code q = p −
     * (vᵀp) v} the update is {@code HAH = A − 2vqᵀ − 2qvᵀ}.
     */
    private static void tridiagonalize(double[][] a, double[][] q, double[] d, double[] e) {
        int n = a.length;
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1; // length of x = A[k+1.., k]
            double norm = 0;
            for (int i = k + 1; i < n; i++) {
                norm += a[i][k] * a[i][k];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                continue;
            }
            double alpha = a[k + 1][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = a[k + 1 + i][k];
            }
            v[0] -= alpha;
            double vn = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            if (vn == 0) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                v[i] /= vn;
            }
            reflectTrailing(a, k + 1, v);
            a[k + 1][k] = alpha;
            a[k][k + 1] = alpha;
            for (int i = k + 2; i < n; i++) {
                a[i][k] = 0;
                a[k][i] = 0;
            }
            if (q != null) {
                reflectColumns(q, k + 1, v);
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
            if (i + 1 < n) {
                e[i] = a[i + 1][i];
            }
        }
    }

    /** {@code A[s.., s..] ← H A H} with {@code H = I − 2vvᵀ}. */
    private static void reflectTrailing(double[][] a, int s, double[] v) {
        int m = v.length;
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            double acc = 0;
            double[] row = a[s + i];
            for (int j = 0; j < m; j++) {
                acc += row[s + j] * v[j];
            }
            p[i] = acc;
        }
        double vp = 0;
        for (int i = 0; i < m; i++) {
            vp += v[i] * p[i];
        }
        for (int i = 0; i < m; i++) {
            p[i] -= vp * v[i]; // q = p − (vᵀp) v
        }
        for (int i = 0; i < m; i++) {
            double[] row = a[s + i];
            for (int j = 0; j < m; j++) {
                row[s + j] -= 2 * (v[i] * p[j] + p[i] * v[j]);
            }
        }
    }

    /** {@code Q[:, s..] ← Q[:, s..] H}. */
    private static void reflectColumns(double[][] q, int s, double[] v) {
        for (double[] row : q) {
            double dot = 0;
            for (int j = 0; j < v.length; j++) {
                dot += row[s + j] * v[j];
            }
            for (int j = 0; j < v.length; j++) {
                row[s + j] -= 2 * dot * v[j];
            }
        }
    }

    /**
     * Implicit symmetric QR on the tridiagonal (d, e), deflating from the bottom (Algorithm 8.3.3).
     * An off-diagonal element is negligible when it is below ε times its diagonal neighbours or
     * below ε‖T‖: the second test keeps blocks of round-off-sized entries (the null space of a
     * covariance with dead features) from iterating forever, and changes eigenvalues by at most
     * ε‖T‖.
     */
    private static void diagonalize(double[] d, double[] e, double[][] q) {
        int hi = d.length - 1, iterations = 0;
        double norm = 0;
        for (int i = 0; i < d.length; i++) {
            norm =
                    Math.max(
                            norm,
                            Math.abs(d[i])
                                    + (i > 0 ? Math.abs(e[i - 1]) : 0)
                                    + (i < hi ? Math.abs(e[i]) : 0));
        }
        while (hi > 0) {
            for (int i = 0; i < hi; i++) {
                double ei = Math.abs(e[i]);
                if (ei <= EPS * (Math.abs(d[i]) + Math.abs(d[i + 1])) || ei <= EPS * norm) {
                    e[i] = 0;
                }
            }
            if (e[hi - 1] == 0) {
                hi--;
                continue;
            }
            int lo = hi - 1;
            while (lo > 0 && e[lo - 1] != 0) {
                lo--;
            }
            if (++iterations > 60 * d.length) {
                throw new ArithmeticException("eigenvalue iteration did not converge");
            }
            qrStep(d, e, q, lo, hi);
        }
    }

    /**
     * One implicit QR step with Wilkinson shift on the unreduced block [lo, hi] (Algorithm 8.3.2):
     * Givens rotations chase the bulge down the diagonal; each rotation {@code R = [c s; −s c]}
     * acts as {@code T ← R T Rᵀ} and {@code V ← V Rᵀ}.
     */
    private static void qrStep(double[] d, double[] e, double[][] q, int lo, int hi) {
        // μ = d_n − e² / (δ + sign(δ) sqrt(δ² + e²)), δ = (d_{n−1} − d_n) / 2
        double delta = (d[hi - 1] - d[hi]) / 2, b = e[hi - 1];
        double mu = d[hi] - b * b / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, b));
        double x = d[lo] - mu, z = e[lo];
        for (int k = lo; k < hi; k++) {
            double r = Math.hypot(x, z), c = x / r, s = z / r;
            if (k > lo) {
                e[k - 1] = r;
            }
            double a0 = d[k], b0 = e[k], a1 = d[k + 1];
            d[k] = c * c * a0 + 2 * c * s * b0 + s * s * a1;
            d[k + 1] = s * s * a0 - 2 * c * s * b0 + c * c * a1;
            e[k] = c * s * (a1 - a0) + (c * c - s * s) * b0;
            if (k + 1 < hi) {
                z = s * e[k + 1]; // the bulge at (k, k+2)
                e[k + 1] *= c;
                x = e[k];
            }
            if (q != null) {
                for (double[] row : q) {
                    double vk = row[k], vk1 = row[k + 1];
                    row[k] = c * vk + s * vk1;
                    row[k + 1] = -s * vk + c * vk1;
                }
            }
        }
    }

    private static SymmetricEigen sorted(double[] d, double[][] q) {
        int n = d.length;
        Integer[] order =
                IntStream.range(0, n)
                        .boxed()
                        .sorted(Comparator.comparingDouble(i -> d[i]))
                        .toArray(Integer[]::new);
        double[] values = new double[n];
        double[][] vectors = q == null ? null : new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = d[order[k]];
            if (q != null) {
                for (int i = 0; i < n; i++) {
                    vectors[i][k] = q[i][order[k]];
                }
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
