package sc.fiji.stylegan2.plugin.headless;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Turns Ctrl-C or {@code kill} of a headless run into a cancel: a JVM shutdown hook raises the
 * flag, says so on stderr, and holds the shutdown until the training loop has written its last
 * checkpoint and returned (at most {@code graceSeconds}). A second Ctrl-C or {@code kill}
 * meanwhile, or {@code kill -9}, stops at once, with no checkpoint for the minibatches since the
 * last; atomic checkpoint writes keep every earlier checkpoint intact either way (a checkpoint
 * being written then leaves its temporary file behind).
 *
 * <p>The JVM runs no handler for a signal that arrives while its hooks run (it waits for them), so
 * the hook installs one that halts. Signals the process was started to ignore stay ignored: a job a
 * shell starts in the background does not stop on Ctrl-C, nor does a program started with {@code
 * nohup} on a hang-up.
 */
public final class ShutdownCancel implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    public ShutdownCancel(long graceSeconds) {
        this.hook =
                new Thread(
                        () -> {
                            requested = true;
                            haltOnSecondSignal();
                            System.err.println(
                                    "stylegan2: stopping: training writes one more checkpoint after this minibatch;"
                                            + " Ctrl-C again stops at once");
                            try {
                                finished.await(graceSeconds, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "stylegan2-training-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * From now on Ctrl-C, kill and hang-up halt the JVM with the status the JVM gives them (128 +
     * number).
     */
    private static void haltOnSecondSignal() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(
                        new Signal(name), s -> Runtime.getRuntime().halt(128 + s.getNumber()));
            } catch (IllegalArgumentException e) {
                // no such signal on this system, or the JVM keeps it (-Xrs): a second one waits
                // like the first
            }
        }
    }

    /** True once the JVM began to shut down. */
    public boolean requested() {
        return requested;
    }

    /**
     * Prints how the run ended on stdout when the JVM is shutting down: the launcher, which prints
     * the command's outputs once it returns, may then not get to (the JVM exits as soon as this
     * hook returns).
     */
    public void reportIfStopping(String result) {
        if (requested) {
            System.out.println(result);
            System.out.flush();
        }
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
