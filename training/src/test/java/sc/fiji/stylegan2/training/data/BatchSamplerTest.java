package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;

class BatchSamplerTest {

    /** {@code n} 4 x 4 images; image i has value i + x/10 at column x (so a mirror is visible). */
    private static ImageStackData ramps(int n) {
        float[] p = new float[n * 16];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 16; k++) {
                p[i * 16 + k] = i + (k % 4) / 10f;
            }
        }
        return new ImageStackData(p, n, 1, 4, IntensityMapping.ofDataRange(-1, 1));
    }

    @Test
    void eachPassVisitsEveryImageOnce() {
        BatchSampler s = new BatchSampler(ramps(10), false, 3);
        for (int pass = 0; pass < 3; pass++) {
            Set<Integer> seen = new HashSet<>();
            for (int b = 0; b < 5; b++) {
                float[] batch = s.next(2);
                seen.add((int) batch[0]);
                seen.add((int) batch[16]);
            }
            assertEquals(10, seen.size(), "pass " + pass);
        }
        assertEquals(30, s.imagesDrawn());
    }

    @Test
    void orderIsShuffledAndReproducibleFromTheSeed() {
        float[] a = new BatchSampler(ramps(50), false, 7).next(50);
        float[] b = new BatchSampler(ramps(50), false, 7).next(50);
        assertArrayEquals(a, b);
        boolean inFileOrder = true;
        for (int i = 0; i < 50; i++) {
            inFileOrder &= (int) a[i * 16] == i;
        }
        assertTrue(!inFileOrder);
    }

    @Test
    void xflipMirrorsAboutHalfTheImagesAndNothingElse() {
        BatchSampler s = new BatchSampler(ramps(100), true, 11);
        float[] batch = s.next(100);
        int flipped = 0;
        for (int i = 0; i < 100; i++) {
            float first = batch[i * 16] % 1, last = batch[i * 16 + 3] % 1;
            boolean mirror = first > last;
            flipped += mirror ? 1 : 0;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    int sx = mirror ? 3 - x : x;
                    assertEquals((int) batch[i * 16] + sx / 10f, batch[i * 16 + y * 4 + x], 1e-5);
                }
            }
        }
        assertTrue(flipped > 30 && flipped < 70, "flipped " + flipped);
    }
}
