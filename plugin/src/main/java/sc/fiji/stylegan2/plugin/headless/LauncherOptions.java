package sc.fiji.stylegan2.plugin.headless;

import java.nio.file.Path;

/**
 * The command line of the headless launcher, in Fiji's headless style: {@code --run COMMAND [ARGS]
 * [--save FILE] [--list] [--verbose] [--debug] [--help]}. {@code --headless} is accepted and
 * ignored, since the launcher is always headless.
 *
 * @param command the command to run, or null
 * @param arguments its argument string ({@code key=value,...}), empty when not given
 * @param save where to save the image output, or null
 * @param list whether to list the commands
 * @param verbose whether to show the engine's and SciJava's information lines
 * @param debug whether to print stack traces
 * @param help whether to print usage
 */
public record LauncherOptions(
        String command,
        String arguments,
        Path save,
        boolean list,
        boolean verbose,
        boolean debug,
        boolean help) {

    /**
     * Parses the launcher's arguments.
     *
     * @throws IllegalArgumentException for an unknown option, a missing option value or a stray
     *     argument
     */
    public static LauncherOptions parse(String... args) {
        String command = null;
        String arguments = "";
        Path save = null;
        boolean list = false;
        boolean verbose = false;
        boolean debug = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--run" -> {
                    if (command != null) {
                        throw new IllegalArgumentException(
                                "--run is given twice; run one command at a time");
                    }
                    command =
                            value(
                                    args,
                                    ++i,
                                    "--run needs a command name, e.g. --run \"Generate Images\" ARGS");
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        arguments = args[++i];
                    }
                }
                case "--save" ->
                        save =
                                Path.of(
                                        value(
                                                args,
                                                ++i,
                                                "--save needs a file name, e.g. --save out.tif"));
                case "--list" -> list = true;
                case "--verbose" -> verbose = true;
                case "--debug" -> debug = true;
                case "--help", "-h" -> help = true;
                case "--headless" -> {}
                default ->
                        throw new IllegalArgumentException(
                                arg.startsWith("-")
                                        ? "unknown option '"
                                                + arg
                                                + "'; valid options: --run, --save, --list, --verbose, --debug,"
                                                + " --help"
                                        : "unexpected argument '"
                                                + arg
                                                + "': put all key=value pairs into one quoted argument"
                                                + " after the command name");
            }
        }
        return new LauncherOptions(command, arguments, save, list, verbose, debug, help);
    }

    private static String value(String[] args, int i, String message) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(message);
        }
        return args[i];
    }
}
