package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.bench.BlobData;

class BatchSamplerTest {

    @Test
    void everyImageOncePerEpoch() {
        BatchSampler s = new BatchSampler(new BlobData(10, 1, 4, 1), 3, false);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[10];
            for (int i = 0; i < 10; i++) {
                seen[s.index(epoch * 10L + i)]++;
            }
            int[] once = new int[10];
            Arrays.fill(once, 1);
            assertArrayEquals(once, seen, "epoch " + epoch);
        }
    }

    @Test
    void orderDependsOnlyOnSeedAndPosition() {
        BlobData data = new BlobData(10, 1, 4, 1);
        BatchSampler a = new BatchSampler(data, 3, false);
        BatchSampler b = new BatchSampler(data, 3, false);
        b.index(95); // a different history
        assertArrayEquals(a.batch(37, 4), b.batch(37, 4));
        assertEquals(a.index(12), b.index(12));
        assertNotEquals(
                Arrays.toString(order(a, 0)),
                Arrays.toString(order(a, 1)),
                "epochs are reshuffled");
    }

    @Test
    void mirrorFlipsAboutHalfTheDrawsExactlyLeftRight() {
        float[][] ramp = new float[2][16];
        for (int k = 0; k < 16; k++) {
            ramp[0][k] = k % 4; // x = 0, 1, 2, 3 in every row
            ramp[1][k] = k % 4;
        }
        BlobData data = new BlobData(ramp, 1, 4);
        BatchSampler s = new BatchSampler(data, 7, true);
        int flips = 0;
        for (long pos = 0; pos < 2000; pos++) {
            float[] img = s.batch(pos, 1);
            boolean flipped = img[0] == 3;
            assertEquals(s.flipped(pos), flipped);
            assertArrayEquals(
                    flipped ? new float[] {3, 2, 1, 0} : new float[] {0, 1, 2, 3},
                    Arrays.copyOf(img, 4));
            flips += flipped ? 1 : 0;
        }
        assertEquals(1000, flips, 90);
        assertArrayEquals(
                new BatchSampler(data, 7, true).batch(1234, 3),
                s.batch(1234, 3),
                "position decides");
    }

    private static int[] order(BatchSampler s, int epoch) {
        int[] o = new int[10];
        for (int i = 0; i < 10; i++) {
            o[i] = s.index(epoch * 10L + i);
        }
        return o;
    }
}
