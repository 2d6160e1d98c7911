package sc.fiji.stylegan2.plugin.testutil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;

/** Runs a command through {@link CommandService} with every key given: its default unless overridden. */
public final class Commands {

    private Commands() {}

    public static CommandModule run(Context context, Class<? extends Command> type, Object... keyValues) throws Exception {
        CommandService commands = context.service(CommandService.class);
        CommandInfo info = commands.getCommand(type);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ModuleItem<?> item : CommandFinder.keys(info)) {
            inputs.put(item.getName(), item.getDefaultValue());
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            inputs.put((String) keyValues[i], keyValues[i + 1]);
        }
        return commands.run(type, true, inputs).get();
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
