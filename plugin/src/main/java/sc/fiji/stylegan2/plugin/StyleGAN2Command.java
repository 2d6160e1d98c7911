package sc.fiji.stylegan2.plugin;

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
}
