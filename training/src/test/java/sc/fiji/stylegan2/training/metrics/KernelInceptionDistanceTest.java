package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelInceptionDistanceTest {

    private static float[] normal(int n, int d, double mean, Random rng) {
        float[] f = new float[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (mean + rng.nextGaussian());
        }
        return f;
    }

    @Test
    void twoPointSetsGiveTheHandComputedValue() {
        // d = 1, k(a, b) = (ab + 1)³; x = {0, 1}, y = {1, 2}, one subset of all points (order is
        // irrelevant):
        // Σ_{i≠j} k(x) = 2·1, Σ_{i≠j} k(y) = 2·27, Σ k(x, y) = 1 + 1 + 8 + 27 = 37;
        // t = (2 + 54)/(2 − 1) − 2·37/2 = 19, KID = t / 1 / 2.
        double kid =
                KernelInceptionDistance.between(
                        new float[] {0, 1}, 2, new float[] {1, 2}, 2, 1, 1, 1000, 0);
        assertEquals(9.5, kid, 1e-12);
    }

    @Test
    void independentSamplesOfOneDistributionGiveNearZero() {
        Random rng = new Random(1);
        int n = 2000, d = 16;
        double kid =
                KernelInceptionDistance.between(
                        normal(n, d, 0, rng), n, normal(n, d, 0, rng), n, d, 3);
        assertEquals(0, kid, 2e-3);
    }

    @Test
    void shiftedGaussiansMatchTheClosedFormMmd() {
        // d = 1, x ~ N(0, 1), y ~ N(½, 1): E k = 1 + 3 E[xy] + 3 E[x²]E[y²] + E[x³]E[y³] with E[x²]
        // = 1 + μ²,
        // E[x³] = μ³ + 3μ, so E k(x,x') = 4, E k(y,y') = 9.078125, E k(x,y) = 4.75 and MMD² =
        // 3.578125.
        Random rng = new Random(2);
        int n = 20_000;
        double kid =
                KernelInceptionDistance.between(
                        normal(n, 1, 0, rng), n, normal(n, 1, 0.5, rng), n, 1, 4);
        assertEquals(3.578125, kid, 0.25);
    }

    @Test
    void cachedAndDirectKernelsAgree() {
        Random rng = new Random(3);
        int n = 400, d = 8;
        float[] x = normal(n, d, 0, rng), y = normal(n, d, 0.3, rng);
        double direct = KernelInceptionDistance.compute(x, n, y, n, d, 5, 100, 5, false);
        double cached = KernelInceptionDistance.compute(x, n, y, n, d, 5, 100, 5, true);
        assertEquals(direct, cached, 1e-5 * Math.abs(direct));
    }
}
