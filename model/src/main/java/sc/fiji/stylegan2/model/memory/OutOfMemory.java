package sc.fiji.stylegan2.model.memory;

import ai.djl.engine.EngineException;
import java.util.regex.Pattern;

/**
 * Recognises an error as the machine running out of memory: the JVM's {@link OutOfMemoryError}
 * (Java heap, or a direct buffer), or a libtorch allocation that failed, which DJL surfaces as an
 * {@link EngineException} with libtorch's message, e.g. {@code DefaultCPUAllocator: can't allocate
 * memory: you tried to allocate 4000000000 bytes} (CPU, {@code posix_memalign} refused), {@code
 * DefaultCPUAllocator: not enough memory} (older libtorch), {@code CUDA out of memory} (GPU) or
 * {@code std::bad_alloc} (a C++ allocation). The whole cause chain is searched, so wrapped errors
 * count too.
 *
 * <p>oneDNN (libtorch's CPU convolutions) reports a scratchpad it could not allocate only as {@code
 * could not create a primitive}, the message of every failed primitive creation; it counts as out
 * of memory too (seen under a 600 MB data limit, where the same convolution at a smaller batch
 * succeeds). Were it ever another failure, halving ends at a batch of one and reports it with its
 * original message as the cause.
 */
public final class OutOfMemory {

    /**
     * libtorch's messages for failed allocations (CPU allocator, CUDA caching allocator, C++ new).
     */
    private static final Pattern NATIVE =
            Pattern.compile(
                    "can't allocate memory|not enough memory|out of memory|std::bad_alloc|could not create a primitive",
                    Pattern.CASE_INSENSITIVE);

    private OutOfMemory() {}

    /** True when {@code error} or one of its causes says that memory ran out. */
    public static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t instanceof EngineException
                    && t.getMessage() != null
                    && NATIVE.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the memory that ran out is the Java heap (rather than libtorch's native memory).
     */
    public static boolean isJavaHeap(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** What to do about it, in a few words: more Java heap, or free native memory. */
    public static String advice(Throwable error) {
        return isJavaHeap(error)
                ? "give Java more memory (Fiji: Edit > Options > Memory & Threads; launcher: STYLEGAN2_JAVA_OPTS=-Xmx...)"
                : "close other programs or images to free memory";
    }
}
