package sc.fiji.stylegan2.plugin.testutil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;

/**
 * Runs a command through {@link CommandService}, as Fiji and scripts do, with every key given: the
 * shared keys where the command has them, then this run's keys, else the key's default. Every key
 * given, so no value SciJava remembered from an earlier run is used, and no unset file input opens
 * a file chooser.
 */
public final class Commands {

    private Commands() {}

    /**
     * Runs {@code type} with {@code keyValues} (name, value, name, value, ...) over the defaults.
     */
    public static CommandModule run(
            Context context, Class<? extends Command> type, Object... keyValues) throws Exception {
        return run(context, type, Map.of(), keyValues);
    }

    /**
     * Runs {@code type} with {@code shared} (keys a test class gives every command it runs, such as
     * its model; each used only where the command has it), then {@code keyValues}, over the
     * defaults.
     */
    public static CommandModule run(
            Context context,
            Class<? extends Command> type,
            Map<String, ?> shared,
            Object... keyValues)
            throws Exception {
        return start(context, info(context, type), shared, keyValues).get();
    }

    /** Runs the command of this menu name (as the launcher and macros find it), as {@link #run}. */
    public static CommandModule run(
            Context context, String menuName, Map<String, ?> shared, Object... keyValues)
            throws Exception {
        CommandInfo info = finder(context).find(menuName);
        return start(context, info, shared, keyValues).get();
    }

    /**
     * Starts {@code type} as {@link #run} does and returns at once, for commands that run at the
     * same time.
     */
    public static Future<CommandModule> start(
            Context context,
            Class<? extends Command> type,
            Map<String, ?> shared,
            Object... keyValues) {
        return start(context, info(context, type), shared, keyValues);
    }

    /** The StyleGAN2 commands of the context, by menu name. */
    public static CommandFinder finder(Context context) {
        return new CommandFinder(context.service(CommandService.class));
    }

    private static CommandInfo info(Context context, Class<? extends Command> type) {
        CommandInfo info = context.service(CommandService.class).getCommand(type);
        assertNotNull(info, () -> type.getName() + " is not a command of this context");
        return info;
    }

    private static Future<CommandModule> start(
            Context context, CommandInfo info, Map<String, ?> shared, Object... keyValues) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ModuleItem<?> item : CommandFinder.keys(info)) {
            inputs.put(item.getName(), item.getDefaultValue());
        }
        shared.forEach(
                (key, value) -> {
                    if (inputs.containsKey(key)) {
                        inputs.put(key, value);
                    }
                });
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            assertTrue(
                    inputs.containsKey(key),
                    () -> CommandFinder.menuName(info) + " has no key " + key);
            inputs.put(key, keyValues[i + 1]);
        }
        return context.service(CommandService.class).run(info, true, inputs);
    }

    /** The output, asserting the command finished. */
    public static <T> T output(CommandModule module, String name, Class<T> type) {
        assertFalse(module.isCanceled(), () -> "canceled: " + module.getCancelReason());
        return assertInstanceOf(type, module.getOutput(name));
    }

    /** The cancel reason, asserting the command was canceled. */
    public static String cancelReason(CommandModule module) {
        assertTrue(module.isCanceled(), "expected the command to cancel itself");
        return module.getCancelReason();
    }
}
