package sc.fiji.stylegan2.plugin.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import sc.fiji.stylegan2.plugin.command.StyleGAN2Command;

/**
 * Finds the StyleGAN2 commands among the SciJava commands of a context, by the names a user types:
 * the menu name ({@code Generate Images}), the full menu path, the class name ({@code
 * GenerateImagesCommand}) or the fully qualified class name. Matching ignores case, spaces and
 * punctuation. Also lists the keys (user-facing inputs) of a command.
 */
public final class CommandFinder {

    private final List<CommandInfo> commands;

    /**
     * Collects the StyleGAN2 commands (subclasses of {@link StyleGAN2Command}) known to the
     * service.
     */
    public CommandFinder(CommandService commandService) {
        List<CommandInfo> found = new ArrayList<>();
        for (CommandInfo info : commandService.getCommands()) {
            if (isStyleGAN2Command(info)) {
                found.add(info);
            }
        }
        found.sort(Comparator.comparing(CommandFinder::menuName));
        this.commands = List.copyOf(found);
    }

    /** The StyleGAN2 commands, by menu name. */
    public List<CommandInfo> all() {
        return commands;
    }

    /**
     * Finds a command by menu name, menu path, class name or fully qualified class name.
     *
     * @throws IllegalArgumentException listing the valid names when none matches
     */
    public CommandInfo find(String name) {
        String wanted = normalize(name);
        for (CommandInfo info : commands) {
            for (String candidate : namesOf(info)) {
                if (!wanted.isEmpty() && normalize(candidate).equals(wanted)) {
                    return info;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown command '"
                        + name
                        + "'; valid commands: "
                        + commands.stream()
                                .map(CommandFinder::menuName)
                                .collect(Collectors.joining(", ")));
    }

    /** The name of a command as its menu shows it, e.g. {@code Generate Images}. */
    public static String menuName(CommandInfo info) {
        if (info.getMenuPath() != null && info.getMenuPath().getLeaf() != null) {
            return info.getMenuPath().getLeaf().getName();
        }
        return info.getTitle();
    }

    /**
     * The inputs a user sets by key, in declaration order: not services, not the context, not
     * messages.
     */
    public static List<ModuleItem<?>> keys(CommandInfo info) {
        List<ModuleItem<?>> keys = new ArrayList<>();
        for (ModuleItem<?> item : info.inputs()) {
            Class<?> type = item.getType();
            boolean injected =
                    Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type);
            if (!injected && item.getVisibility() != ItemVisibility.MESSAGE) {
                keys.add(item);
            }
        }
        return keys;
    }

    /**
     * The input with the given key.
     *
     * @throws IllegalArgumentException listing the valid keys of the command when there is none
     */
    public static ModuleItem<?> key(CommandInfo info, String key) {
        for (ModuleItem<?> item : keys(info)) {
            if (item.getName().equals(key)) {
                return item;
            }
        }
        throw new IllegalArgumentException(
                "unknown key '"
                        + key
                        + "' for "
                        + menuName(info)
                        + "; valid keys: "
                        + keys(info).stream()
                                .map(ModuleItem::getName)
                                .collect(Collectors.joining(", ")));
    }

    private static List<String> namesOf(CommandInfo info) {
        List<String> names = new ArrayList<>();
        names.add(menuName(info));
        if (info.getTitle() != null) {
            names.add(info.getTitle());
        }
        if (info.getMenuPath() != null) {
            names.add(info.getMenuPath().getMenuString(true));
        }
        String className = info.getClassName();
        names.add(className);
        names.add(className.substring(className.lastIndexOf('.') + 1));
        return names;
    }

    private static String normalize(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean isStyleGAN2Command(CommandInfo info) {
        if (!info.getClassName().startsWith("sc.fiji.stylegan2.")) {
            return false;
        }
        try {
            return StyleGAN2Command.class.isAssignableFrom(info.loadClass());
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
