package sc.fiji.stylegan2.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.ProgressListener;

class ShrinkingBatchTest {

    private final List<String> notices = new ArrayList<>();
    private final ProgressListener listener =
            new ProgressListener() {
                @Override
                public void progress(long done, long total, String message) {}

                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            };

    @Test
    void outOfMemoryHalvesTheFailedBatchAndIsAnnouncedOnceItFits() {
        ShrinkingBatch batch = new ShrinkingBatch("batch_size", 64, listener);
        batch.failed(64, OutOfMemoryTest.libtorchAllocationFailure());
        batch.failed(32, OutOfMemoryTest.libtorchAllocationFailure());
        assertEquals(16, batch.size());
        assertEquals(List.of(), notices);
        batch.succeeded();
        batch.succeeded();
        assertEquals(List.of("batch_size 64 ran out of memory; continuing with 16"), notices);
    }

    @Test
    void shortLastBatchIsHalvedFromItsOwnSize() {
        ShrinkingBatch batch = new ShrinkingBatch("batch_size", 64, listener);
        batch.failed(10, new OutOfMemoryError("Java heap space"));
        assertEquals(5, batch.size());
    }

    @Test
    void otherErrorsAreRethrownUnchanged() {
        ShrinkingBatch batch = new ShrinkingBatch("batch_size", 8, listener);
        IllegalStateException e = new IllegalStateException("not memory");
        assertSame(e, assertThrows(IllegalStateException.class, () -> batch.failed(8, e)));
        assertEquals(8, batch.size());
    }

    @Test
    void singleItemThatRunsOutOfMemoryFailsWithOneLineAdvice() {
        ShrinkingBatch batch = new ShrinkingBatch("batch_size", 1, listener);
        NotEnoughMemoryException e =
                assertThrows(
                        NotEnoughMemoryException.class,
                        () -> batch.failed(1, new OutOfMemoryError("Java heap space")));
        assertTrue(
                e.getMessage()
                        .startsWith("out of memory even with batch_size 1: give Java more memory"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
