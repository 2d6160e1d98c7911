package sc.fiji.stylegan2.training.loop;

import java.nio.file.Path;
import java.util.Locale;
import sc.fiji.stylegan2.model.memory.NotEnoughMemoryException;
import sc.fiji.stylegan2.model.memory.OutOfMemory;
import sc.fiji.stylegan2.training.TrainingOptions;

/**
 * What a run says when a minibatch runs out of memory. The minibatch stopped part way (some
 * networks may have stepped, others not), so that state is never saved: the run stops, the last
 * checkpoint stays as it is, and the message names it and the batch size to try: the largest at
 * most half of the one that failed that the minibatch-stddev group divides.
 *
 * <p>That size is a suggestion, not a measurement. Trial minibatches were tried and dropped: near
 * the limit, oneDNN's convolution backward does not check some of its own allocations and crashed
 * the JVM (SIGSEGV in {@code brgemm_kernel_execute} under a 1 GB RLIMIT_DATA), where a failed
 * libtorch allocation throws; a probe must not be able to crash Fiji.
 */
final class TrainingOutOfMemory {

    private TrainingOutOfMemory() {}

    /**
     * The error to stop the run with: {@code error} itself when it is not out of memory (an {@link
     * Error} is thrown), otherwise a {@link NotEnoughMemoryException} with the one-line message.
     *
     * @param lastCheckpoint the newest checkpoint of the run, or null
     */
    static RuntimeException stop(TrainingSession session, Path lastCheckpoint, Throwable error) {
        if (!OutOfMemory.is(error)) {
            if (error instanceof Error e) {
                throw e;
            }
            return (RuntimeException) error;
        }
        TrainingOptions o = session.options();
        String checkpoint =
                lastCheckpoint == null
                        ? "no checkpoint was written yet"
                        : "the last checkpoint " + lastCheckpoint.getFileName() + " is unchanged";
        int smaller = smallerBatch(o);
        String advice =
                smaller == 0
                        ? OutOfMemory.advice(error)
                        : "start a new run with batch_size "
                                + smaller
                                + " or less (resuming keeps a checkpoint's batch_size),"
                                + " or "
                                + OutOfMemory.advice(error);
        return new NotEnoughMemoryException(
                String.format(
                        Locale.ROOT,
                        "training ran out of memory with batch_size %d at kimg %.3f and stopped; %s; %s",
                        o.batchSize(),
                        session.state().kimg(),
                        checkpoint,
                        advice),
                error);
    }

    /**
     * The largest batch size at most half of the options' that the minibatch-stddev group divides;
     * 0 if none.
     */
    static int smallerBatch(TrainingOptions o) {
        for (int b = o.batchSize() / 2; b >= 1; b--) {
            if (b % Math.min(o.discriminator().mbstdGroupSize(), b) == 0) {
                return b;
            }
        }
        return 0;
    }
}
