package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    /**
     * Four points ±a u₁, ±b u₂ along two orthonormal axes of R³: the covariance is (2a² u₁u₁ᵀ + 2b²
     * u₂u₂ᵀ) / 3, so the components are u₁ then u₂, explaining a² / (a² + b²) and b² / (a² + b²) of
     * the variance.
     */
    @Test
    void componentsOfPointsOnTwoAxesAreTheAxesByVariance() {
        double s = Math.sqrt(0.5);
        double[] u1 = {s, s, 0}, u2 = {0, 0, 1};
        double a = 3, b = 1;
        double[][] x = {scaled(u1, a), scaled(u1, -a), scaled(u2, b), scaled(u2, -b)};
        Directions d = PrincipalComponents.of(x, 2, new int[] {0});
        assertArrayEquals(new float[] {(float) s, (float) s, 0}, d.vector(0), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 1}, d.vector(1), 1e-6f);
        assertEquals(0.9, d.scores()[0], 1e-12);
        assertEquals(0.1, d.scores()[1], 1e-12);
    }

    private static double[] scaled(double[] u, double f) {
        return new double[] {u[0] * f, u[1] * f, u[2] * f};
    }
}
