package sc.fiji.stylegan2.plugin.headless;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.host.CommandRunner;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.StatisticsTables;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;
import sc.fiji.stylegan2.plugin.input.ArgString;
import sc.fiji.stylegan2.plugin.input.InputValues;
import sc.fiji.stylegan2.plugin.input.ModelFiles;

/**
 * The headless launcher behind the {@code stylegan2} script: runs one StyleGAN2 SciJava command in
 * a headless SciJava {@link Context}, prints its text outputs to stdout and progress to stderr, and
 * saves its images as an ImageJ TIFF stack ({@code --save}). See {@link CommandHelp#usage()} for
 * the syntax.
 *
 * <p>Every error ends with one line {@code stylegan2: <what is wrong and what is valid>} on stderr
 * (a stack trace too with {@code --debug}) and exit code {@link #EXIT_USAGE} for an invalid command
 * line or input value (including the command's own validation) or {@link #EXIT_FAILED} for a
 * failure while running.
 */
public final class Headless {

    /** The command ran. */
    public static final int EXIT_OK = 0;

    /** The command failed while running (an error, not invalid input). */
    public static final int EXIT_FAILED = 1;

    /** Invalid command line or input values. */
    public static final int EXIT_USAGE = 2;

    private static final String PREFIX = "stylegan2: ";

    private final Context context;
    private final PrintStream out;
    private final PrintStream err;
    private boolean debug;

    private Headless(Context context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    /** Runs the launcher and exits the JVM with its exit code. */
    public static void main(String[] args) {
        ConsoleLogging.configureEngine(ConsoleLogging.verbose(args));
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the launcher in a fresh headless context and returns the exit code (never calls
     * System.exit).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        try (Context context = new Context()) {
            return run(context, args, out, err);
        }
    }

    /**
     * Runs the launcher in the given context and returns the exit code (never calls System.exit).
     */
    public static int run(Context context, String[] args, PrintStream out, PrintStream err) {
        Headless launcher = new Headless(context, out, err);
        try {
            return launcher.execute(args);
        } catch (RuntimeException | LinkageError e) {
            return launcher.failed(e);
        }
    }

    private int execute(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        debug = options.debug();
        ConsoleLogging.configureLog(context, options.verbose());
        if (options.help()) {
            out.println(CommandHelp.usage());
            return EXIT_OK;
        }
        CommandFinder finder = new CommandFinder(context.service(CommandService.class));
        if (options.list()) {
            out.print(CommandHelp.list(finder.all()));
        }
        if (options.command() == null) {
            return options.list()
                    ? EXIT_OK
                    : usageError("nothing to do: give --run COMMAND ARGS or --list");
        }
        CommandInfo info;
        Map<String, Object> inputs;
        try {
            info = finder.find(options.command());
            inputs = InputValues.resolve(info, ArgString.parse(options.arguments()));
            if (options.save() != null) {
                checkSaveTarget(info, options.save());
            }
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        return runCommand(info, inputs, options.save());
    }

    private int runCommand(CommandInfo info, Map<String, Object> inputs, Path save) {
        CommandRunner.Outcome outcome;
        try (StatusPrinter printer = new StatusPrinter(context.service(EventService.class), err)) {
            outcome = new CommandRunner(context).run(info, inputs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(e);
        }
        if (outcome.error() != null) {
            return failed(outcome.error());
        }
        if (outcome.cancelReason() != null) {
            return usageError(outcome.cancelReason());
        }
        if (inputs.containsKey("model_file")) {
            err.println(PREFIX + "device: " + device());
        }
        return handleOutputs(info, outcome.module(), save);
    }

    private int handleOutputs(CommandInfo info, Module module, Path save) {
        boolean saved = false;
        for (ModuleItem<?> item : info.outputs()) {
            Object value = module.getOutput(item.getName());
            if (value instanceof RandomAccessibleInterval<?> images) {
                if (save == null || saved) {
                    err.println(
                            PREFIX
                                    + "note: output '"
                                    + item.getName()
                                    + "' was not saved; add --save FILE.tif");
                    continue;
                }
                try {
                    saveImages(images, save);
                    saved = true;
                } catch (IOException | IllegalArgumentException e) {
                    return failed(e);
                }
            } else if (value instanceof ResultsTable table) {
                out.println("# " + item.getLabel());
                out.print(StatisticsTables.format(table));
            } else if (value != null) {
                out.println(value);
            }
        }
        return EXIT_OK;
    }

    @SuppressWarnings("unchecked")
    private void saveImages(RandomAccessibleInterval<?> images, Path file) throws IOException {
        String title = file.getFileName().toString().replaceFirst("\\.tiff?$", "");
        ImagePlus imp;
        if (images instanceof LabeledFloatImg labeled) {
            imp = ImageJ1Stacks.toImagePlus(title, labeled);
        } else if (images.getType() instanceof RealType<?>) {
            imp =
                    ImageJ1Stacks.toImagePlus(
                            title, (RandomAccessibleInterval<? extends RealType<?>>) images, null);
        } else {
            throw new IllegalArgumentException(
                    "cannot save images of type " + images.getType().getClass());
        }
        TiffStackWriter.save(imp, file);
        err.println(
                PREFIX
                        + "saved "
                        + imp.getNFrames() * imp.getNSlices()
                        + " image(s), "
                        + imp.getWidth()
                        + "x"
                        + imp.getHeight()
                        + ", "
                        + imp.getNChannels()
                        + " channel(s), 32-bit, to "
                        + file.toAbsolutePath());
    }

    private static void checkSaveTarget(CommandInfo info, Path save) {
        boolean hasImages = false;
        for (ModuleItem<?> item : info.outputs()) {
            hasImages |= RandomAccessibleInterval.class.isAssignableFrom(item.getType());
        }
        if (!hasImages) {
            throw new IllegalArgumentException(
                    "--save: " + CommandFinder.menuName(info) + " has no image output to save");
        }
        ModelFiles.requireWritableFile("--save", save);
    }

    /** The device DJL computes on, e.g. {@code CPU (PyTorch 2.7.1, OMP_NUM_THREADS=16)}. */
    private static String device() {
        try {
            Engine engine = Engine.getInstance();
            Device device = engine.defaultDevice();
            String threads = System.getenv("OMP_NUM_THREADS");
            return (device.isGpu() ? "GPU " + device.getDeviceId() : "CPU")
                    + " ("
                    + engine.getEngineName()
                    + " "
                    + engine.getVersion()
                    + (threads == null ? "" : ", OMP_NUM_THREADS=" + threads)
                    + ")";
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private int usageError(String message) {
        err.println(PREFIX + oneLine(message));
        return EXIT_USAGE;
    }

    private int failed(Throwable t) {
        if (debug) {
            t.printStackTrace(err);
        }
        String message = t.getMessage();
        err.println(
                PREFIX
                        + oneLine(
                                message == null || message.isBlank()
                                        ? t.getClass().getSimpleName()
                                        : message));
        return EXIT_FAILED;
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
