package sc.fiji.stylegan2.model.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinearSvmTest {

    /** Gaussian points in R³ labelled by the side of x₀ − 2x₁ = 0.5, a margin of 0.2 kept free. */
    @ParameterizedTest
    @EnumSource(LinearSvm.Loss.class)
    void separatesALinearlySeparableSet(LinearSvm.Loss loss) {
        int n = 400;
        Random r = new Random(1);
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = r.nextGaussian();
            }
            double s = x[i][0] - 2 * x[i][1] - 0.5;
            if (Math.abs(s) < 0.2) {
                x[i][0] += s >= 0 ? 0.2 : -0.2;
            }
            y[i] = x[i][0] - 2 * x[i][1] - 0.5 > 0;
        }
        assertArrayEquals(y, LinearSvm.fit(x, y, 10, loss, 0).predict(x));
    }

    /** A fifth of the points in the class, unrelated to x: no plane helps, the rest wins. */
    @ParameterizedTest
    @EnumSource(LinearSvm.Loss.class)
    void predictsTheMajorityForLabelsThatNoPlaneExplains(LinearSvm.Loss loss) {
        int n = 300;
        Random r = new Random(2);
        double[][] x = new double[n][1];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            y[i] = i % 5 == 0;
        }
        int predictedTrue = 0;
        for (boolean p : LinearSvm.fit(x, y, 1, loss, 0).predict(x)) {
            predictedTrue += p ? 1 : 0;
        }
        assertTrue(predictedTrue < n / 10, predictedTrue + " of " + n + " predicted in the class");
    }
}
