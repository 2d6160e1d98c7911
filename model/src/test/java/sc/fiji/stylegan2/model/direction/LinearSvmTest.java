package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.latent.Latents;

class LinearSvmTest {

    /**
     * 200 Gaussian points in R⁸ labelled by the side of the plane {@code nᵀx = 0.5}, without those
     * within 0.3 of it: linearly separable by construction.
     */
    @Test
    void separatesALinearlySeparableSet() {
        Random rng = new Random(3);
        double[] n = new double[8];
        for (int j = 0; j < n.length; j++) {
            n[j] = rng.nextGaussian();
        }
        double len = Math.sqrt(dot(n, n));
        List<double[]> xs = new ArrayList<>();
        while (xs.size() < 200) {
            double[] x = new double[8];
            for (int j = 0; j < 8; j++) {
                x[j] = rng.nextGaussian();
            }
            if (Math.abs(dot(n, x) / len - 0.5) > 0.3) {
                xs.add(x);
            }
        }
        double[][] x = xs.toArray(double[][]::new);
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = dot(n, x[i]) / len > 0.5;
        }
        LinearSvm svm = LinearSvm.fit(x, y, 10);
        assertEquals(1.0, svm.accuracy(x, y));
        double cos = dot(svm.weights(), n) / len / Math.sqrt(dot(svm.weights(), svm.weights()));
        assertTrue(cos > 0.9, "the normal points along the true one: cos " + cos);
    }

    @Test
    void classMeanOfTwoSetsIsTheirOffset() {
        float[] neg = {1, 2, 3, 5, 6, 7};
        float[] pos = new float[neg.length];
        float[] offset = {3, 0, -4};
        for (int i = 0; i < neg.length; i++) {
            pos[i] = neg[i] + offset[i % 3];
        }
        Directions d =
                DirectionFinder.classMean(
                        new Latents(2, 1, 3, neg), new Latents(2, 1, 3, pos), new int[] {0});
        assertEquals(5, d.scores()[0], 1e-6);
        assertEquals(0.6f, d.vector(0)[0], 1e-6f);
        assertEquals(-0.8f, d.vector(0)[2], 1e-6f);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
