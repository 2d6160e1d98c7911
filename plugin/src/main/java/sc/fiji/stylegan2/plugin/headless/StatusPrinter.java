package sc.fiji.stylegan2.plugin.headless;

import java.io.PrintStream;
import java.util.List;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;

/**
 * Prints the progress that commands report to SciJava's {@code StatusService} as lines such as
 * {@code stylegan2: [8/16] ...}. Only events that carry progress are printed (SciJava's own
 * "Running command" messages are not), and since SciJava delivers status events on several threads,
 * an event older than one already printed is dropped, as is any event that arrives after {@link
 * #close()}.
 */
public final class StatusPrinter implements AutoCloseable {

    private final PrintStream err;
    private final EventService events;
    private final List<EventSubscriber<?>> subscriptions;
    private long lastDone = -1;
    private boolean closed;

    /** Starts printing the status events of {@code events} to {@code err}. */
    public StatusPrinter(EventService events, PrintStream err) {
        this.err = err;
        this.events = events;
        this.subscriptions = events.subscribe(this);
    }

    @EventHandler
    synchronized void onEvent(StatusEvent event) {
        int total = event.getProgressMaximum();
        int done = event.getProgressValue();
        if (closed || total <= 0 || done <= lastDone || event.isWarning()) {
            return;
        }
        lastDone = done;
        String message = event.getStatusMessage();
        err.println(
                "stylegan2: ["
                        + done
                        + "/"
                        + total
                        + "]"
                        + (message == null || message.isBlank() ? "" : " " + message));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            events.unsubscribe(subscriptions);
        }
    }
}
