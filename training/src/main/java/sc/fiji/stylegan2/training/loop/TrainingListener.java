package sc.fiji.stylegan2.training.loop;

import java.util.List;
import sc.fiji.stylegan2.model.ProgressListener;

/**
 * Follows a training run: {@link #progress} after every minibatch (images done of the total),
 * {@link #tick} with the statistics of each progress tick, {@link #snapshot} after each checkpoint
 * with the fixed-seed image grid. {@link #isCanceled()} is asked before every minibatch; a canceled
 * run writes one more checkpoint and returns.
 */
public interface TrainingListener extends ProgressListener {

    /** A progress tick ended (also written to the CSV log). */
    default void tick(TickReport report) {}

    /** A checkpoint was written. */
    default void snapshot(Snapshot snapshot) {}

    /** A listener that ignores everything and never cancels. */
    TrainingListener NONE = (done, total, message) -> {};

    /**
     * One listener for several: every event goes to each of them in order, and the run is canceled
     * when any of them says so.
     */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> each = List.of(listeners);
        return new TrainingListener() {
            @Override
            public void progress(long done, long total, String message) {
                each.forEach(l -> l.progress(done, total, message));
            }

            @Override
            public void notice(String message) {
                each.forEach(l -> l.notice(message));
            }

            @Override
            public void tick(TickReport report) {
                each.forEach(l -> l.tick(report));
            }

            @Override
            public void snapshot(Snapshot snapshot) {
                each.forEach(l -> l.snapshot(snapshot));
            }

            @Override
            public boolean isCanceled() {
                return each.stream().anyMatch(TrainingListener::isCanceled);
            }
        };
    }
}
