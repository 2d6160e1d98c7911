package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.latent.Latents;

class DirectionFinderTest {

    /**
     * 200 Gaussian points in R⁸ on either side of the plane {@code nᵀx = 0.5}, without those within
     * 0.3 of it (linearly separable by construction), as one-row latents: the SVM direction
     * separates them all and points along n.
     */
    @Test
    void svmDirectionIsTheNormalOfASeparatingPlane() {
        Random rng = new Random(3);
        double[] n = new double[8];
        for (int j = 0; j < n.length; j++) {
            n[j] = rng.nextGaussian();
        }
        double len = Math.sqrt(dot(n, n));
        List<float[]> neg = new ArrayList<>(), pos = new ArrayList<>();
        while (neg.size() + pos.size() < 200) {
            double[] x = new double[8];
            float[] xf = new float[8];
            for (int j = 0; j < 8; j++) {
                x[j] = rng.nextGaussian();
                xf[j] = (float) x[j];
            }
            double side = dot(n, x) / len - 0.5;
            if (Math.abs(side) > 0.3) {
                (side > 0 ? pos : neg).add(xf);
            }
        }
        Directions d = DirectionFinder.svm(latents(neg), latents(pos), new int[] {0});
        assertEquals(1.0, d.scores()[0], "training accuracy");
        float[] v = d.vector(0);
        double cos = 0;
        for (int j = 0; j < 8; j++) {
            cos += v[j] * n[j] / len;
        }
        assertTrue(cos > 0.9, "the direction points along the true normal: cos " + cos);
    }

    private static Latents latents(List<float[]> rows) {
        float[] data = new float[rows.size() * 8];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * 8, 8);
        }
        return new Latents(rows.size(), 1, 8, data);
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
