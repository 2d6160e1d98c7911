package sc.fiji.stylegan2.model.torch;

import sc.fiji.stylegan2.model.Precision;

/**
 * Mixed precision for the current thread, as {@code torch.autocast}: a caller asks for a {@link
 * Precision} around a computation ({@link #request}), and each layer that the official code would
 * run in reduced precision (the highest resolutions, fixed when the network is built) opens a
 * {@link #layer} scope around its convolution; inside both, the convolutions compute in bfloat16
 * ({@link #active()}). Everything else, and every layer of an {@link Precision#FP32} request, stays
 * float32. Scopes nest and restore what they found on close.
 *
 * <p>Thread-local like libtorch's own grad mode and autocast state: the network code stays free of
 * a precision argument threaded through every layer, and a computation in another thread (a second
 * command) is not affected.
 */
public final class Autocast implements AutoCloseable {

    private static final ThreadLocal<Boolean> REQUESTED = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private final ThreadLocal<Boolean> state;
    private final boolean before;

    private Autocast(ThreadLocal<Boolean> state, boolean value) {
        this.state = state;
        this.before = state.get();
        state.set(value);
    }

    /**
     * Asks for {@code precision} ({@link Precision#AUTO} resolved for this processor) in this
     * thread until closed.
     */
    public static Autocast request(Precision precision) {
        return new Autocast(REQUESTED, precision.resolve() == Precision.BF16);
    }

    /**
     * The scope of one layer: its convolutions run in bfloat16 if the layer is {@code eligible} and
     * bfloat16 was requested.
     */
    public static Autocast layer(boolean eligible) {
        return new Autocast(ACTIVE, eligible && REQUESTED.get());
    }

    /** Whether bfloat16 was requested in this thread (whatever layer runs now). */
    public static boolean requested() {
        return REQUESTED.get();
    }

    /** Whether the convolutions running now compute in bfloat16. */
    public static boolean active() {
        return ACTIVE.get();
    }

    @Override
    public void close() {
        state.set(before);
    }
}
