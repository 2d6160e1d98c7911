package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixingRegularizationTest {

    @Test
    void cutoffIsUniformFromOneToNumWsMinusOneWithProbabilityP() {
        MixingRegularization mixing = new MixingRegularization(0.9);
        SplittableRandom random = new SplittableRandom(1);
        int numWs = 6, draws = 60_000;
        int[] counts = new int[numWs + 1];
        for (int i = 0; i < draws; i++) {
            counts[mixing.cutoff(numWs, random)]++;
        }
        assertEquals(0, counts[0]);
        assertEquals(0.1, counts[numWs] / (double) draws, 0.005); // no mixing
        for (int c = 1; c < numWs; c++) {
            assertEquals(0.9 / (numWs - 1), counts[c] / (double) draws, 0.006, "cutoff " + c);
        }
    }

    @Test
    void probabilityZeroNeverMixes() {
        MixingRegularization mixing = new MixingRegularization(0);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            assertEquals(8, mixing.cutoff(8, random));
        }
    }

    @Test
    void mixTakesTheSecondLatentsFromTheCutoffOn() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ws = m.zeros(new Shape(2, 4, 3));
            NDArray second = m.ones(new Shape(2, 4, 3));
            float[] mixed = new MixingRegularization(1).mix(ws, 3, () -> second).toFloatArray();
            float[] row = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
            float[] expected = new float[24];
            System.arraycopy(row, 0, expected, 0, 12);
            System.arraycopy(row, 0, expected, 12, 12);
            assertArrayEquals(expected, mixed);
            assertSame(
                    ws,
                    new MixingRegularization(1).mix(ws, 4, () -> second),
                    "cutoff num_ws leaves ws alone");
        }
    }
}
