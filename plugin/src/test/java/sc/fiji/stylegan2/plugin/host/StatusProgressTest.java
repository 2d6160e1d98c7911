package sc.fiji.stylegan2.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.ContextCommand;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

class StatusProgressTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    static final class IdleCommand extends ContextCommand {
        @Override
        public void run() {}
    }

    @Test
    void cancelingTheCommandCancelsTheModelWork() {
        IdleCommand command = new IdleCommand();
        StatusProgress progress = new StatusProgress(null, command);
        assertFalse(progress.isCanceled());
        command.cancel("user pressed cancel");
        assertTrue(progress.isCanceled());
    }

    @Test
    void interruptingTheThreadCancelsTheModelWork() {
        StatusProgress progress = new StatusProgress(null, new IdleCommand());
        Thread.currentThread().interrupt();
        try {
            assertTrue(progress.isCanceled());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void progressReachesTheStatusService() throws InterruptedException {
        Context context = scijava.context();
        BlockingQueue<StatusEvent> events = new LinkedBlockingQueue<>();
        Object listener =
                new Object() {
                    @EventHandler
                    void onEvent(StatusEvent e) {
                        events.add(e);
                    }
                };
        context.service(EventService.class).subscribe(listener);
        new StatusProgress(context.service(StatusService.class), new IdleCommand())
                .progress(3, 8, "batch 3 of 8");
        StatusEvent e = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "no status event within 10 s");
        assertEquals(3, e.getProgressValue());
        assertEquals(8, e.getProgressMaximum());
        assertEquals("batch 3 of 8", e.getStatusMessage());
    }
}
