package sc.fiji.stylegan2.plugin.command;

import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.ui.DialogPrompt.MessageType;
import org.scijava.ui.UIService;
import sc.fiji.stylegan2.plugin.host.DjlOffline;

/**
 * Base of the StyleGAN2 commands: how a command reports a problem with its inputs and its progress.
 * The parameters several commands share are declared once, in the bases below this one (SciJava
 * lists a base's parameters before the command's own, in every dialog and recorded macro):
 *
 * <pre>
 *   StyleGAN2Command                                  Train StyleGAN2, Export for Official Training, Demo
 *    └ ModelCommand        model_file                  Model Info, Convert Checkpoint
 *       └ NetworkCommand   device, precision           Find Directions
 *          └ ConditionCommand  condition               Project Image, Evaluate Model
 *             └ TruncationCommand  truncation_psi      Show Activations (and its own noise_mode)
 *                └ ImageBatchCommand  output_range, batch_size   Stochastic Variation
 *                   └ GeneratorCommand  noise_mode     Generate Images, Interpolate Latents, Style Mixing,
 *                                                    Apply Direction, Condition Transition (which refuses condition: it has from_ and to_condition)
 * </pre>
 *
 * Two keys are declared twice: Show Activations declares {@code noise_mode} (shared with the
 * generator commands) and {@code seed} (shared with Stochastic Variation) itself. The three
 * commands share pairwise different sets (generators and Show Activations {@code noise_mode};
 * generators and Stochastic Variation {@code output_range}, {@code batch_size}; the two one-image
 * commands {@code seed}), and a single-inheritance chain can hold at most two of the three: any
 * chain leaves two declarations to repeat, and this one leaves the smallest.
 *
 * <p>A command reports a problem by cancelling itself with the message as the reason (SciJava shows
 * it in the status bar; the headless launcher prints it and exits with code 2) and, when a user
 * interface is visible, also shows it in an error dialog.
 */
public abstract class StyleGAN2Command extends ContextCommand {

    /**
     * The {@code @Plugin} attribute every StyleGAN2 command carries: imagej-legacy then leaves it
     * out of Fiji's ImageJ 1.x menus and module list, so the ImageJ 1.x bridge ({@code
     * plugins.config}) is the one menu, macro and search-bar entry of each command in Fiji, while
     * scripts still run the command through {@code CommandService} (plugin/README.md, "One entry
     * per command in Fiji", cites the source lines).
     */
    public static final String NO_LEGACY = "no-legacy";

    static {
        DjlOffline.byDefault();
    }

    @Parameter(required = false)
    private UIService ui;

    /**
     * The status bar (Fiji's progress bar; the headless launcher prints it); null outside a
     * context.
     */
    @Parameter(required = false)
    protected StatusService status;

    /** Cancels this command with a user-facing message naming the parameter and what is valid. */
    protected void fail(String message) {
        String reason =
                message == null || message.isBlank()
                        ? getClass().getSimpleName() + " failed"
                        : message;
        cancel(reason);
        if (ui != null && !ui.isHeadless() && ui.isVisible()) {
            ui.showDialog(reason, "StyleGAN2", MessageType.ERROR_MESSAGE);
        }
    }

    /**
     * Marks the command canceled when its work stopped early without a cancel request (the thread
     * was interrupted), so that no host mistakes the missing outputs for a result.
     */
    protected void stopped() {
        if (!isCanceled()) {
            cancel("Stopped before the work was done");
        }
    }

    /**
     * True when this run may open windows of its own: there is a display, SciJava is not headless
     * (as in the headless launcher or Fiji's {@code --headless}), and no ImageJ macro runs in batch
     * mode (which hides images).
     */
    protected boolean canShowWindows() {
        boolean headless = ui != null ? ui.isHeadless() : GraphicsEnvironment.isHeadless();
        return !headless && !Interpreter.isBatchMode();
    }

    /**
     * Shows a one-line summary of what was done (status bar; the headless launcher does not print
     * it).
     */
    protected static void report(StatusService status, String message) {
        if (status != null) {
            status.showStatus(message);
        }
    }
}
