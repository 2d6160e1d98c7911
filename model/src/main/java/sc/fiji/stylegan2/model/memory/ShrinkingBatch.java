package sc.fiji.stylegan2.model.memory;

import sc.fiji.stylegan2.model.ProgressListener;

/**
 * The batch size of batched work that halves when a batch runs out of memory, so the work continues
 * from the failed batch instead of failing. A reduction is announced once, through {@link
 * ProgressListener#notice}, when the first batch of the smaller size has succeeded (e.g. {@code
 * batch_size 64 ran out of memory; continuing with 16} after 64 and 32 failed); a batch of one that
 * runs out of memory fails with a {@link NotEnoughMemoryException}.
 *
 * <p>Use: {@code int b = batch.size()} (at most what is left), run the batch in its own scope so a
 * failure frees what it allocated, then {@link #succeeded()}, or {@link #failed(int,
 * RuntimeException)} / {@link #failed(int, Error)} in the catch, and retry the same items.
 */
public final class ShrinkingBatch {

    private final String key;
    private final ProgressListener listener;
    private int size;
    private int announced;

    /**
     * @param key the parameter's key for messages, e.g. {@code batch_size}
     * @param size the batch size asked for, at least 1
     * @param listener receives the notice of a reduction
     */
    public ShrinkingBatch(String key, int size, ProgressListener listener) {
        if (size < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + size);
        }
        this.key = key;
        this.size = size;
        this.announced = size;
        this.listener = listener;
    }

    /** The batch size to use now. */
    public int size() {
        return size;
    }

    /**
     * A batch succeeded: announces the size it ran at once, if that is a reduction not yet
     * announced.
     */
    public void succeeded() {
        if (size != announced) {
            listener.notice(key + " " + announced + " ran out of memory; continuing with " + size);
            announced = size;
        }
    }

    /**
     * A batch of {@code tried} items failed. Out of memory: halves the size (to half of {@code
     * tried}, which may be less than the size when the batch was the last, short one). Anything
     * else is rethrown.
     *
     * @throws NotEnoughMemoryException when even one item ran out of memory
     */
    public void failed(int tried, RuntimeException error) {
        if (!OutOfMemory.is(error)) {
            throw error;
        }
        halve(tried, error);
    }

    /**
     * As {@link #failed(int, RuntimeException)} for an {@link Error} such as {@link
     * OutOfMemoryError}.
     */
    public void failed(int tried, Error error) {
        if (!OutOfMemory.is(error)) {
            throw error;
        }
        halve(tried, error);
    }

    private void halve(int tried, Throwable error) {
        if (tried <= 1) {
            throw new NotEnoughMemoryException(
                    "out of memory even with " + key + " 1: " + OutOfMemory.advice(error), error);
        }
        size = tried / 2;
    }
}
