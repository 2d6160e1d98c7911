package sc.fiji.stylegan2.plugin.host;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import sc.fiji.stylegan2.model.ProgressListener;

/**
 * Forwards model progress to SciJava's status bar (Fiji's progress bar; the headless launcher
 * prints the same events) and asks the running command whether it was canceled, so that long work
 * stops at the next batch when the user cancels the command or interrupts its thread. A notice
 * (e.g. that the batch size was lowered because memory ran out) goes to the status bar and, as a
 * warning, to SciJava's log (Fiji's Console; the headless launcher's stderr), where it stays.
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
    public void notice(String message) {
        if (status != null) {
            status.showStatus(message);
            LogService log = status.context().getService(LogService.class);
            if (log != null) {
                log.warn(message);
            }
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
