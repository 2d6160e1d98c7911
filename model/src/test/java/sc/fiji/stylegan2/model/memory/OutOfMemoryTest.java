package sc.fiji.stylegan2.model.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The classifier on real failures: the JVM's and libtorch's own, not made-up exceptions. */
class OutOfMemoryTest {

    /**
     * A float tensor of 4 PiB: more than any address space, so libtorch's allocator refuses it at
     * once.
     */
    static EngineException libtorchAllocationFailure() {
        try (NDManager m = NDManager.newBaseManager()) {
            return assertThrows(EngineException.class, () -> m.zeros(new Shape(1L << 50)));
        }
    }

    @Test
    void failedLibtorchAllocationIsOutOfMemory() {
        EngineException e = libtorchAllocationFailure();
        assertTrue(OutOfMemory.is(e), e.getMessage());
        assertFalse(OutOfMemory.isJavaHeap(e));
    }

    @Test
    void javaArrayLargerThanTheHeapIsOutOfMemory() {
        // Larger than any heap this test runs with; the JVM refuses it before allocating anything.
        OutOfMemoryError e =
                assertThrows(
                        OutOfMemoryError.class,
                        () -> {
                            long[] huge = new long[Integer.MAX_VALUE - 8];
                            huge[0] = 1;
                        });
        assertTrue(OutOfMemory.is(e));
        assertTrue(OutOfMemory.isJavaHeap(new IllegalStateException("wrapped", e)));
    }

    @Test
    void otherLibtorchErrorsAreNotOutOfMemory() {
        try (NDManager m = NDManager.newBaseManager()) {
            EngineException e =
                    assertThrows(
                            EngineException.class,
                            () -> m.ones(new Shape(2, 3)).matMul(m.ones(new Shape(2, 3))));
            assertFalse(OutOfMemory.is(e), e.getMessage());
        }
    }
}
