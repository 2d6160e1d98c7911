package sc.fiji.stylegan2.plugin.ij1;

import ij.IJ;
import java.util.List;
import org.scijava.Cancelable;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.Module;

/**
 * While a bridged command runs: shows its SciJava progress in ImageJ's status bar and progress bar,
 * and cancels it when the user presses Esc (ImageJ's way to stop a plugin or macro). The command
 * then stops after its current batch.
 */
final class ImageJ1Status implements AutoCloseable {

    /** How often Esc is checked. */
    private static final long POLL_MS = 100;

    private final EventService events;
    private final List<EventSubscriber<?>> subscriptions;
    private final Thread escWatcher;
    private volatile boolean escaped;
    private boolean closed; // guarded by this

    ImageJ1Status(EventService events, Module module) {
        this.events = events;
        this.subscriptions = events.subscribe(this);
        IJ.resetEscape();
        this.escWatcher = new Thread(() -> watchEsc(module), "StyleGAN2 Esc watcher");
        escWatcher.setDaemon(true);
        escWatcher.start();
    }

    private void watchEsc(Module module) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (IJ.escapePressed() && module instanceof Cancelable c) {
                    escaped = true;
                    c.cancel("Canceled (Esc pressed)");
                    return;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** True when Esc canceled the command. */
    boolean escaped() {
        return escaped;
    }

    /**
     * Status events arrive on another thread, some (SciJava's own "Command canceled: ...") after
     * the command has returned: none may overwrite the status line once the shim has written its
     * outcome.
     */
    @EventHandler
    synchronized void onEvent(StatusEvent event) {
        if (closed) {
            return;
        }
        String message = event.getStatusMessage();
        if (message != null && !message.isBlank() && !event.isWarning()) {
            IJ.showStatus(message);
        }
        if (event.getProgressMaximum() > 0) {
            IJ.showProgress(event.getProgressValue(), event.getProgressMaximum());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        escWatcher.interrupt();
        events.unsubscribe(subscriptions);
        IJ.showProgress(1.0);
    }
}
