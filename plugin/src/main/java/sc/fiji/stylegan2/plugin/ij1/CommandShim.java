package sc.fiji.stylegan2.plugin.ij1;

import ij.IJ;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import java.util.Map;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.host.CommandRunner;
import sc.fiji.stylegan2.plugin.host.DjlOffline;

/**
 * The ImageJ 1.x bridge: one {@link PlugIn} for every StyleGAN2 command. The jar's {@code
 * plugins.config} lists each command under {@code Plugins>StyleGAN2} as {@code CommandShim("Menu
 * Name")}; running it finds that SciJava command, asks for its inputs with a {@link CommandDialog}
 * (from a macro's options in macros, recorded by the Macro Recorder), runs the very same command in
 * the shared {@link ImageJ1Context} with progress and Esc to cancel ({@link ImageJ1Status}), and
 * shows its outputs ({@link OutputViewer}). A problem is reported with {@code IJ.error}, which also
 * aborts a running macro; in a batch macro without ImageJ's window ({@code -batch}) it goes to
 * stderr instead, since ImageJ's macro-error dialog would wait for a click nobody can give.
 */
public class CommandShim implements PlugIn {

    private static final String TITLE = "StyleGAN2";

    static {
        DjlOffline.byDefault();
    }

    @Override
    public void run(String arg) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // SciJava finds plugins, and DJL its engine, through the context class loader; in ImageJ
        // 1.x this
        // jar and its dependencies live in ImageJ's plugin class loader, not on the class path.
        thread.setContextClassLoader(CommandShim.class.getClassLoader());
        try {
            runCommand(arg);
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        } catch (InterruptedException e) {
            thread.interrupt();
            error(arg + " was interrupted");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Reports a problem to the user and aborts a running macro. */
    static void error(String message) {
        if (IJ.getInstance() == null && Interpreter.getInstance() != null) {
            System.err.println(TITLE + ": " + message);
            Interpreter.abort();
        } else {
            IJ.error(TITLE, message);
        }
    }

    private void runCommand(String name) throws InterruptedException {
        Context context = ImageJ1Context.get();
        CommandInfo info = new CommandFinder(context.service(CommandService.class)).find(name);
        Map<String, Object> inputs = CommandDialog.ask(info);
        if (inputs == null) {
            return; // the user canceled the dialog
        }
        CommandRunner runner = new CommandRunner(context);
        Module module = runner.create(info);
        CommandRunner.Outcome outcome;
        boolean escaped;
        try (ImageJ1Status status =
                new ImageJ1Status(context.service(EventService.class), module)) {
            outcome = runner.run(module, inputs);
            escaped = status.escaped();
        }
        if (outcome.error() != null) {
            Throwable t = outcome.error();
            error(
                    name
                            + " failed: "
                            + (t.getMessage() == null
                                    ? t.getClass().getSimpleName()
                                    : t.getMessage()));
        } else if (outcome.cancelReason() != null) {
            if (escaped) {
                IJ.showStatus(name + ": " + outcome.cancelReason());
            } else {
                error(outcome.cancelReason());
            }
        } else {
            OutputViewer.show(info, module);
        }
    }
}
