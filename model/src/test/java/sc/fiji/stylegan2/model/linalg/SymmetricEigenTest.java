package sc.fiji.stylegan2.model.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    static double[][] randomSymmetric(int n, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.nextGaussian();
            }
        }
        return a;
    }

    @Test
    void decompositionReconstructsARandomSymmetricMatrix() {
        int n = 60;
        double[][] a = randomSymmetric(n, 1);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] l = e.values();
        double[][] v = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rec = 0, gram = 0;
                for (int k = 0; k < n; k++) {
                    rec += v[i][k] * l[k] * v[j][k]; // (V Λ Vᵀ)_ij
                    gram += v[k][i] * v[k][j]; // (Vᵀ V)_ij
                }
                assertEquals(a[i][j], rec, 1e-10, "A at " + i + "," + j);
                assertEquals(i == j ? 1 : 0, gram, 1e-10, "VᵀV at " + i + "," + j);
            }
        }
        for (int k = 1; k < n; k++) {
            assertEquals(true, l[k - 1] <= l[k], "ascending");
        }
    }

    @Test
    void eigenvaluesOnlyAgreeWithTheFullDecomposition() {
        double[][] a = randomSymmetric(33, 2);
        assertArrayEquals(SymmetricEigen.of(a).values(), SymmetricEigen.eigenvalues(a), 1e-10);
    }

    @Test
    void twoByTwoHasItsKnownEigenpairs() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {1, 3}, e.values(), 1e-14);
        double[][] v = e.vectors();
        assertEquals(Math.abs(v[0][1]), Math.abs(v[1][1]), 1e-14); // (1, 1)/√2 for λ = 3
        assertEquals(-Math.signum(v[0][0]), Math.signum(v[1][0])); // (1, −1)/√2 for λ = 1
    }

    @Test
    void diagonalAndRepeatedEigenvaluesNeedNoIteration() {
        assertArrayEquals(
                new double[] {-1, 3, 5},
                SymmetricEigen.eigenvalues(new double[][] {{5, 0, 0}, {0, -1, 0}, {0, 0, 3}}),
                0);
        double[][] id = {{2, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 2, 0}, {0, 0, 0, 2}};
        assertArrayEquals(new double[] {2, 2, 2, 2}, SymmetricEigen.eigenvalues(id), 0);
        assertArrayEquals(new double[] {0, 0, 0}, SymmetricEigen.eigenvalues(new double[3][3]), 0);
    }

    @Test
    void rankOneMatrixHasOneNonZeroEigenvalue() {
        double[] u = {1, 2, 3, 4, 5};
        double[][] a = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                a[i][j] = u[i] * u[j];
            }
        }
        double[] l = SymmetricEigen.eigenvalues(a);
        assertEquals(55, l[4], 1e-12);
        for (int k = 0; k < 4; k++) {
            assertEquals(0, l[k], 1e-12);
        }
    }

    @Test
    void roundOffSizedBlockBesideLargeEigenvaluesConverges() {
        // Seen in M = Σ₁^½ Σ₂ Σ₁^½ for an untrained generator's dead features: a 2 x 2 block of
        // 1e-178-sized
        // entries in a matrix of norm 1e4 made the relative deflation test alone iterate forever.
        double tiny = -3.099686507503828E-193, off = -9.87103176746141E-178;
        double[][] a = {{8805.8, 1, 0, 0}, {1, 2, 0, 0}, {0, 0, tiny, off}, {0, 0, off, tiny}};
        double[] l = SymmetricEigen.eigenvalues(a);
        assertEquals(8805.8 + 1 / 8803.8, l[3], 1e-9);
        assertEquals(0, l[0], 1e-12);
        assertEquals(0, l[1], 1e-12);
    }
}
