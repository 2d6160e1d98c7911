package sc.fiji.stylegan2.training.loop;

import sc.fiji.stylegan2.model.ProgressListener;

/**
 * Follows a training run: {@link #progress} after every minibatch (images done of the total),
 * {@link #tick} with the statistics of each progress tick, {@link #snapshot} after each checkpoint with the
 * fixed-seed image grid. {@link #isCanceled()} is asked before every minibatch; a canceled run writes one
 * more checkpoint and returns.
 */
public interface TrainingListener extends ProgressListener {

    /** A progress tick ended (also written to the CSV log). */
    default void tick(TickReport report) {}

    /** A checkpoint was written. */
    default void snapshot(Snapshot snapshot) {}

    /** A listener that ignores everything and never cancels. */
    TrainingListener NONE = (done, total, message) -> {};
}
