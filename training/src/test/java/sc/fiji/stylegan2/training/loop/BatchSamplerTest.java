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
        BatchSampler s = new BatchSampler(new BlobData(10, 1, 4, 1), 3);
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
        BatchSampler a = new BatchSampler(data, 3);
        BatchSampler b = new BatchSampler(data, 3);
        b.index(95); // a different history
        assertArrayEquals(a.batch(37, 4), b.batch(37, 4));
        assertEquals(a.index(12), b.index(12));
        assertNotEquals(Arrays.toString(order(a, 0)), Arrays.toString(order(a, 1)), "epochs are reshuffled");
    }

    private static int[] order(BatchSampler s, int epoch) {
        int[] o = new int[10];
        for (int i = 0; i < 10; i++) {
            o[i] = s.index(epoch * 10L + i);
        }
        return o;
    }
}
