package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StepRandomTest {

    private static float[] draw(NDManager m, long seed, long batchIdx) {
        long host = StepRandom.forMinibatch(seed, batchIdx).nextLong();
        float[] z = m.randomNormal(new Shape(5)).toFloatArray();
        float[] out = Arrays.copyOf(z, 6);
        out[5] = host;
        return out;
    }

    @Test
    void sameSeedAndMinibatchDrawTheSame() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] first = draw(m, 7, 123);
            draw(m, 7, 5); // anything in between
            assertArrayEquals(first, draw(m, 7, 123));
        }
    }

    @Test
    void neighbouringMinibatchesAndSeedsDiffer() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = draw(m, 7, 123);
            assertFalse(Arrays.equals(a, draw(m, 7, 124)));
            assertFalse(Arrays.equals(a, draw(m, 8, 123)));
            assertEquals(6, a.length);
        }
    }
}
