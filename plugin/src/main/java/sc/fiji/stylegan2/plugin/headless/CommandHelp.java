package sc.fiji.stylegan2.plugin.headless;

import java.util.List;
import java.util.stream.Collectors;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.input.InputValues;

/**
 * The text of the launcher's {@code --help} and {@code --list}: usage, and for every StyleGAN2
 * command its menu name, keys (type, default, choices, description) and outputs.
 */
public final class CommandHelp {

    private CommandHelp() {}

    /** How to call the launcher. */
    public static String usage() {
        return String.join(
                "\n",
                "Usage: stylegan2 --run COMMAND [ARGS] [--save FILE.tif] [--verbose] [--debug]",
                "       stylegan2 --list",
                "       stylegan2 --demo [DIR] [KIMG] [--verbose]",
                "",
                "  --run COMMAND ARGS  run a StyleGAN2 command, named as in the menu (\"Generate Images\") or by",
                "                      class; ARGS are key=value pairs separated by commas, values quoted with",
                "                      '...' when they hold commas: \"model_file='m.pkl',seeds='1,5,9'\"",
                "  --save FILE         save the command's images as a 32-bit ImageJ TIFF stack",
                "  --list              list the commands with their keys, types, defaults and descriptions",
                "  --verbose           also print the engine's and SciJava's information lines (hidden by default)",
                "  --debug             print stack traces of errors",
                "",
                "Example:",
                "  stylegan2 --run \"Generate Images\" \"model_file='m.pkl',seeds='0-7',truncation_psi=0.7\""
                        + " --save out.tif",
                "",
                "Exit codes: 0 done, 1 failed while running, 2 invalid command line or input values (a bad input",
                "ends with one line 'stylegan2: <key or file>: <what is wrong>; <what to do>', before any work).");
    }

    /** Every command with its keys and outputs. */
    public static String list(List<CommandInfo> commands) {
        StringBuilder sb = new StringBuilder();
        for (CommandInfo info : commands) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(describe(info));
        }
        return sb.toString();
    }

    /** One command: name, class, description, a line per key and per output. */
    public static String describe(CommandInfo info) {
        StringBuilder sb = new StringBuilder();
        String className = info.getClassName();
        sb.append(CommandFinder.menuName(info))
                .append("  (")
                .append(className.substring(className.lastIndexOf('.') + 1))
                .append(")\n");
        if (info.getDescription() != null && !info.getDescription().isBlank()) {
            sb.append("  ").append(info.getDescription()).append('\n');
        }
        for (ModuleItem<?> item : CommandFinder.keys(info)) {
            sb.append(
                    String.format(
                            "  %-15s %-7s %-16s %s%n",
                            item.getName(),
                            item.getType().getSimpleName(),
                            defaultText(item),
                            details(item)));
        }
        for (ModuleItem<?> item : info.outputs()) {
            sb.append(
                    String.format(
                            "  output %-8s %-7s %s%n",
                            item.getName(),
                            item.getType().getSimpleName(),
                            InputValues.describe(item)));
        }
        return sb.toString();
    }

    private static String defaultText(ModuleItem<?> item) {
        Object def = item.getDefaultValue();
        if (def != null) {
            return "= " + (def instanceof String ? "'" + def + "'" : def);
        }
        return item.isRequired() ? "(required)" : "(optional)";
    }

    private static String details(ModuleItem<?> item) {
        String text = InputValues.describe(item);
        List<?> choices = item.getChoices();
        if (choices != null && !choices.isEmpty()) {
            text +=
                    " Choices: "
                            + choices.stream()
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(", "))
                            + ".";
        }
        return text;
    }
}
