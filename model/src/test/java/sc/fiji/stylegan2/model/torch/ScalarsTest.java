package sc.fiji.stylegan2.model.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Constants under autograd must outlive the operation that recorded them. */
class ScalarsTest {

    /**
     * d(c·x)/dx after the JVM had every chance to free and reuse short-lived direct buffers: a
     * collection, then many small direct buffers filled with NaN.
     */
    private static float[] gradientAfterBufferReuse(BiFunction<NDArray, Double, NDArray> times) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = times.apply(x, 3.0);
                List<ByteBuffer> junk = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    System.gc();
                    for (int i = 0; i < 2000; i++) {
                        ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
                        b.putDouble(0, Double.NaN);
                        junk.add(b);
                    }
                }
                gc.backward(y.sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void productWithAConstantKeepsItsGradientWhenTheJvmReusesMemory() {
        assertArrayEquals(new float[] {3, 3, 3, 3}, gradientAfterBufferReuse(Scalars::mul), 0f);
    }

    @Test
    void powerKeepsItsExponentForTheBackwardPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 4});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = Scalars.pow(x, -0.5);
                System.gc();
                gc.backward(y.sum());
            }
            // d/dx x^-0.5 = -0.5 x^-1.5
            assertArrayEquals(new float[] {-0.5f, -0.0625f}, x.getGradient().toFloatArray(), 1e-7f);
        }
    }
}
