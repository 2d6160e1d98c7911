package sc.fiji.stylegan2.plugin;

import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.ui.DialogPrompt.MessageType;
import org.scijava.ui.UIService;

/**
 * Base of the StyleGAN2 commands: how a command reports a problem with its inputs. It cancels itself with
 * the message as the reason (SciJava shows it in the status bar; the headless launcher prints it and exits
 * with code 2) and, when a user interface is visible, also shows it in an error dialog.
 */
public abstract class StyleGAN2Command extends ContextCommand {

    @Parameter(required = false)
    private UIService ui;

    /** Cancels this command with a user-facing message naming the parameter and what is valid. */
    protected void fail(String message) {
        String reason = message == null || message.isBlank() ? getClass().getSimpleName() + " failed" : message;
        cancel(reason);
        if (ui != null && !ui.isHeadless() && ui.isVisible()) {
            ui.showDialog(reason, "StyleGAN2", MessageType.ERROR_MESSAGE);
        }
    }

    /**
     * Marks the command canceled when its work stopped early without a cancel request (the thread was
     * interrupted), so that no host mistakes the missing outputs for a result.
     */
    protected void stopped() {
        if (!isCanceled()) {
            cancel("Stopped before the work was done");
        }
    }

    /**
     * True when this run may open windows of its own: there is a display, SciJava is not headless (as in the
     * headless launcher or Fiji's {@code --headless}), and no ImageJ macro runs in batch mode (which hides
     * images).
     */
    protected boolean canShowWindows() {
        boolean headless = ui != null ? ui.isHeadless() : GraphicsEnvironment.isHeadless();
        return !headless && !Interpreter.isBatchMode();
    }

    /** Shows a one-line summary of what was done (status bar; the headless launcher does not print it). */
    protected static void report(StatusService status, String message) {
        if (status != null) {
            status.showStatus(message);
        }
    }
}
