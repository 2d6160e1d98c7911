package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static FeatureStatistics gaussian(double[] mean, double[][] cov) {
        return new FeatureStatistics(1000, mean, cov);
    }

    /** {@code n} samples of N(μ, L Lᵀ), row-major. */
    private static float[] samples(int n, double[] mu, double[][] l, Random rng) {
        int d = mu.length;
        float[] out = new float[n * d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                z[k] = rng.nextGaussian();
            }
            for (int r = 0; r < d; r++) {
                double v = mu[r];
                for (int k = 0; k < d; k++) {
                    v += l[r][k] * z[k];
                }
                out[i * d + r] = (float) v;
            }
        }
        return out;
    }

    @Test
    void identicalFeatureSetsAreAtDistanceZero() {
        Random rng = new Random(4);
        int n = 500, d = 24;
        float[] f = new float[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (rng.nextGaussian() * (1 + i % d) + i % 3);
        }
        FeatureStatistics s = FeatureStatistics.of(f, n, d);
        assertEquals(0, FrechetDistance.between(s, s), 1e-9);
    }

    @Test
    void diagonalCovariancesGiveTheSumOfSquaredRootDifferences() {
        double[] a = {1, 4, 9}, b = {4, 1, 16};
        double[][] sa = new double[3][3], sb = new double[3][3];
        for (int i = 0; i < 3; i++) {
            sa[i][i] = a[i];
            sb[i][i] = b[i];
        }
        // |μ₁ − μ₂|² + Σ (√a − √b)² = (1 + 4) + (1 + 1 + 1)
        double fd =
                FrechetDistance.between(
                        gaussian(new double[] {1, 0, 0}, sa), gaussian(new double[] {0, 2, 0}, sb));
        assertEquals(8, fd, 1e-12);
    }

    @Test
    void nonCommutingCovariancesMatchTheTwoByTwoClosedForm() {
        double[][] s1 = {{2, 0.5}, {0.5, 1}}, s2 = {{1, -0.7}, {-0.7, 3}};
        // For 2 x 2: tr √M = sqrt(tr M + 2 sqrt(det M)), M = Σ₁^½ Σ₂ Σ₁^½, tr M = tr Σ₁Σ₂, det M =
        // det Σ₁ det Σ₂.
        double trProduct = s1[0][0] * s2[0][0] + 2 * s1[0][1] * s2[0][1] + s1[1][1] * s2[1][1];
        double det =
                (s1[0][0] * s1[1][1] - s1[0][1] * s1[0][1])
                        * (s2[0][0] * s2[1][1] - s2[0][1] * s2[0][1]);
        double expected = 3 + 4 - 2 * Math.sqrt(trProduct + 2 * Math.sqrt(det));
        double fd =
                FrechetDistance.between(gaussian(new double[2], s1), gaussian(new double[2], s2));
        assertEquals(expected, fd, 1e-12);
    }

    @Test
    void samplesOfTwoGaussiansApproachTheirClosedFormDistance() {
        double[] mu1 = {0, 1, -1}, mu2 = {0.5, 1, 0};
        double[][] l1 = {{1, 0, 0}, {0.5, 1, 0}, {0.2, -0.3, 0.8}},
                l2 = {{1.5, 0, 0}, {0, 0.5, 0}, {0.4, 0.4, 1}};
        double[][] s1 = FrechetDistance.multiply(l1, transpose(l1)),
                s2 = FrechetDistance.multiply(l2, transpose(l2));
        double exact = FrechetDistance.between(gaussian(mu1, s1), gaussian(mu2, s2));
        Random rng = new Random(8);
        int n = 200_000;
        double sampled =
                FrechetDistance.between(
                        FeatureStatistics.of(samples(n, mu1, l1, rng), n, 3),
                        FeatureStatistics.of(samples(n, mu2, l2, rng), n, 3));
        assertEquals(exact, sampled, 0.02 * exact);
    }

    @Test
    void covarianceIsTheUnbiasedOne() {
        FeatureStatistics s = FeatureStatistics.of(new float[] {1, 0, 3, 2, 5, 4}, 3, 2);
        assertEquals(3, s.mean()[0], 1e-12);
        assertEquals(4, s.covariance()[0][0], 1e-12); // ((−2)² + 0 + 2²) / (3 − 1)
        assertEquals(4, s.covariance()[0][1], 1e-12);
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    @Test
    void psdSquareRootSquaresBackToARankDeficientCovariance() {
        Random rng = new Random(6);
        int n = 10, d = 16; // fewer samples than dimensions: rank 9
        float[] f = new float[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextGaussian();
        }
        double[][] cov = FeatureStatistics.of(f, n, d).covariance();
        double[][] root = FrechetDistance.sqrtPsd(cov);
        double[][] back = FrechetDistance.multiply(root, root);
        for (int i = 0; i < d; i++) {
            assertArrayEquals(cov[i], back[i], 1e-9);
        }
    }
}
