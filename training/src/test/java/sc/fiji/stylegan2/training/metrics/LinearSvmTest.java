package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearSvmTest {

    @Test
    void separatesALinearlySeparableSet() {
        int n = 400, d = 3;
        Random r = new Random(1);
        float[] x = new float[n * d];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) r.nextGaussian();
            }
            // the plane x₀ − 2 x₁ = 0.5, with a margin of 0.2 kept free of points
            double s = x[i * d] - 2 * x[i * d + 1] - 0.5;
            if (Math.abs(s) < 0.2) {
                x[i * d] += (float) (s >= 0 ? 0.2 : -0.2);
            }
            y[i] = x[i * d] - 2 * x[i * d + 1] - 0.5 > 0;
        }
        boolean[] predicted = LinearSvm.fit(x, n, d, y, 0).predict(x, n, d);
        assertArrayEquals(y, predicted);
    }

    @Test
    void predictsTheMajorityForLabelsThatNoPlaneExplains() {
        int n = 300;
        Random r = new Random(2);
        float[] x = new float[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
            y[i] = i % 5 == 0; // a fifth, unrelated to x
        }
        int predictedTrue = 0;
        for (boolean p : LinearSvm.fit(x, n, 1, y, 0).predict(x, n, 1)) {
            predictedTrue += p ? 1 : 0;
        }
        assertTrue(predictedTrue < n / 10, predictedTrue + " of " + n + " predicted in the class");
    }
}
