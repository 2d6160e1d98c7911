package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MinibatchStdLayerTest {

    @Test
    void appendsGroupStdAveragedOverChannelsAndPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Two samples, constant 1 and 3: std over the group of two is 1 everywhere.
            NDArray x = m.ones(new Shape(2, 2, 2, 2));
            x.set(new NDIndex("1"), 3f);
            NDArray y = new MinibatchStdLayer(4, 1).forward(x);
            assertArrayEquals(new long[] {2, 3, 2, 2}, y.getShape().getShape());
            for (float v : y.get(new NDIndex(":, 2")).toFloatArray()) {
                assertEquals(Math.sqrt(1 + 1e-8), v, 1e-6);
            }
            assertArrayEquals(x.toFloatArray(), y.get(new NDIndex(":, :2")).toFloatArray(), 0f);
        }
    }

    @Test
    void groupsTakeEveryNthSample() {
        try (NDManager m = NDManager.newBaseManager()) {
            // N=4, G=2: groups are samples {0,2} and {1,3}; give them stds 1 and 0.
            NDArray x = m.create(new float[] {0, 5, 2, 5}, new Shape(4, 1, 1, 1));
            float[] s =
                    new MinibatchStdLayer(2, 1).forward(x).get(new NDIndex(":, 1")).toFloatArray();
            assertEquals(1, s[0], 1e-4);
            assertEquals(0, s[1], 1e-3);
            assertEquals(1, s[2], 1e-4);
            assertEquals(0, s[3], 1e-3);
        }
    }
}
