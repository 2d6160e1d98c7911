package sc.fiji.stylegan2.model.torch;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns libtorch's gradient recording off for the current thread until closed, then restores it.
 *
 * <p>libtorch's grad mode is per thread and on by default. DJL switches it off only in the thread
 * that started the engine (and a {@code GradientCollector} restores the mode it found), so in any
 * other thread, such as a SciJava command's, operations outside a collector record graphs, and
 * in-place updates of leaves that require gradients (an optimizer step) fail. Work that records
 * gradients on purpose runs inside one of these, with collectors inside.
 */
public final class NoGrad implements AutoCloseable {

    private final boolean before;

    private NoGrad() {
        before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Switches recording off for this thread. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}
