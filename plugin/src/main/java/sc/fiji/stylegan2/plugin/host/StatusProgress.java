package sc.fiji.stylegan2.plugin.host;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import sc.fiji.stylegan2.model.ProgressListener;

/**
 * Forwards model progress to SciJava's status bar (Fiji's progress bar; the headless launcher prints the
 * same events) and asks the running command whether it was canceled, so that long work stops at the
 * next batch when the user cancels the command or interrupts its thread.
 */
public final class StatusProgress implements ProgressListener {

    private final StatusService status;
    private final Cancelable command;

    /**
     * @param status where progress goes; may be null (no progress shown)
     * @param command the running command, asked for {@link Cancelable#isCanceled()}
     */
    public StatusProgress(StatusService status, Cancelable command) {
        this.status = status;
        this.command = command;
    }

    @Override
    public void progress(long done, long total, String message) {
        if (status != null) {
            status.showStatus(clamp(done), clamp(total), message);
        }
    }

    @Override
    public boolean isCanceled() {
        return command.isCanceled() || Thread.currentThread().isInterrupted();
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }
}
