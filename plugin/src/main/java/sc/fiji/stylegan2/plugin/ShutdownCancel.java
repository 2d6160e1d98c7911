package sc.fiji.stylegan2.plugin;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C or {@code kill} of a headless run into a cancel: a JVM shutdown hook raises the flag and
 * holds the shutdown until the training loop has written its last checkpoint and returned (at most
 * {@code graceSeconds}). A second Ctrl-C or {@code kill -9} still stops at once; atomic checkpoint writes keep
 * every earlier checkpoint intact either way.
 */
final class ShutdownCancel implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    ShutdownCancel(long graceSeconds) {
        this.hook = new Thread(() -> {
            requested = true;
            try {
                finished.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stylegan2-training-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the JVM began to shut down. */
    boolean requested() {
        return requested;
    }

    /** The run is over: let a pending shutdown proceed, and drop the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and now returns
        }
    }
}
