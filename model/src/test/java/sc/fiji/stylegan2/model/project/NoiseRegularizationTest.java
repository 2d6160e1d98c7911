package sc.fiji.stylegan2.model.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Noise regularisation on patterns whose autocorrelation is known. */
class NoiseRegularizationTest {

    private static float[] checkerboard(int r) {
        float[] v = new float[r * r];
        for (int y = 0; y < r; y++) {
            for (int x = 0; x < r; x++) {
                v[y * r + x] = (x + y) % 2 == 0 ? 1 : -1;
            }
        }
        return v;
    }

    private static float[] regularization(NDManager m, int count, int r, float[] values) {
        NDArray maps = m.create(values, new Shape(count, 1, r, r));
        return NoiseRegularization.perImage(List.of(maps)).toFloatArray();
    }

    @Test
    void checkerboardScoresTwoAtFullResolutionAndNothingAfterPooling() {
        try (NDManager m = NDManager.newBaseManager()) {
            // shifted by one pixel every product is −1: mean −1, squared 1, for x and y; 2x2 means
            // are 0
            assertEquals(2.0f, regularization(m, 1, 16, checkerboard(16))[0], 1e-6f);
        }
    }

    @Test
    void constantZeroMapScoresZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(0.0f, regularization(m, 1, 16, new float[256])[0], 0f);
        }
    }

    @Test
    void constantOneMapScoresTwoAtEveryPyramidLevelDownToEight() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] ones = new float[32 * 32];
            java.util.Arrays.fill(ones, 1f);
            assertEquals(6.0f, regularization(m, 1, 32, ones)[0], 1e-6f, "levels 32, 16 and 8");
        }
    }

    @Test
    void stripesAreCorrelatedAlongOneAxisOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = new float[8 * 8];
            for (int i = 0; i < v.length; i++) {
                v[i] = (i % 8) % 2 == 0 ? 1 : -1; // vertical stripes: −1 along x, +1 along y
            }
            assertEquals(2.0f, regularization(m, 1, 8, v)[0], 1e-6f);
        }
    }

    @Test
    void eachImageOfABatchIsScoredOnItsOwn() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] both = new float[2 * 16 * 16];
            System.arraycopy(checkerboard(16), 0, both, 0, 256);
            assertArrayEquals(new float[] {2f, 0f}, regularization(m, 2, 16, both), 1e-6f);
        }
    }

    @Test
    void termsOfSeveralLayersAdd() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(checkerboard(16), new Shape(1, 1, 16, 16));
            NDArray b = m.create(checkerboard(8), new Shape(1, 1, 8, 8));
            assertEquals(4.0f, NoiseRegularization.perImage(List.of(a, b)).getFloat(0), 1e-6f);
        }
    }

    @Test
    void rollBringsTheLastColumnToTheFront() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 1, 2, 3));
            assertArrayEquals(
                    new float[] {3, 1, 2, 6, 4, 5},
                    NoiseRegularization.roll(x, 3).toFloatArray(),
                    0f);
            assertArrayEquals(
                    new float[] {4, 5, 6, 1, 2, 3},
                    NoiseRegularization.roll(x, 2).toFloatArray(),
                    0f);
        }
    }
}
