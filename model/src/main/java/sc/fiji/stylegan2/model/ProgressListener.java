package sc.fiji.stylegan2.model;

/** Receives progress of long work and tells it whether the user asked to stop. */
public interface ProgressListener {

    /** Called after each unit of work, e.g. each generated batch. */
    void progress(long done, long total, String message);

    /**
     * True when the user asked to cancel; long work stops at the next unit and keeps what it has.
     */
    default boolean isCanceled() {
        return false;
    }

    /**
     * A message the user should see once, apart from progress, e.g. that the batch size was lowered
     * because memory ran out. Ignored unless a listener shows it.
     */
    default void notice(String message) {}

    /** A listener that ignores progress and never cancels. */
    ProgressListener NONE = (done, total, message) -> {};
}
