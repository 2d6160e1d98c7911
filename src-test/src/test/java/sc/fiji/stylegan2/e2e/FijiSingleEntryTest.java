package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.MenuPath;
import org.scijava.UIDetails;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleService;
import sc.fiji.stylegan2.plugin.command.ModelInfoCommand;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.ij1.CommandShim;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * The single entry per command in Fiji (plugin/README.md, "One entry per command in Fiji"): the
 * rules by which imagej-legacy builds Fiji's menus and module list, applied to the commands of a
 * real SciJava {@link Context} and to the plugin's {@code plugins.config}. imagej-legacy itself is
 * not on Maven Central, so its two rules are restated here with their source lines
 * (imagej/imagej-legacy at 16fcda91).
 */
class FijiSingleEntryTest {

    private static final Pattern CONFIG_ENTRY = Pattern.compile("^[^,]+, \"([^\"]+)\", .+$");

    /** This class's own context (one per test class): one test removes modules as Fiji does. */
    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @Test
    void fijisMenusHoldExactlyOneEntryPerCommand() throws Exception {
        List<String> labels = new ArrayList<>(pluginsConfigLabels());
        for (CommandInfo info :
                scijava.context().service(CommandService.class).getCommandsOfType(Command.class)) {
            if (isStyleGAN2(info) && addedToImageJ1Menus(info)) {
                labels.add(info.getMenuPath().getLeaf().getName());
            }
        }
        Map<String, Long> count =
                labels.stream()
                        .collect(
                                Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
        Map<String, Long> once =
                commandNames().stream()
                        .collect(Collectors.toMap(n -> n, n -> 1L, (a, b) -> a, TreeMap::new));
        assertEquals(once, count);
    }

    @Test
    void fijisModuleListHoldsNoneOfTheCommandsSoTheSearchBarListsTheBridgeOnly() {
        ModuleService modules = scijava.context().service(ModuleService.class);
        removeNoLegacyModulesAsFijiDoes(modules);
        assertFalse(
                modules.getModules().stream().anyMatch(FijiSingleEntryTest::isStyleGAN2),
                "a StyleGAN2 command is still a module Fiji's search bar would list beside the bridge");
    }

    @Test
    void scriptsStillRunTheCommandsThroughCommandServiceInFiji() throws Exception {
        removeNoLegacyModulesAsFijiDoes(scijava.context().service(ModuleService.class));
        CommandService commands = scijava.context().service(CommandService.class);
        assertEquals(
                commandNames(),
                new CommandFinder(commands).all().stream().map(CommandFinder::menuName).toList());
        CommandModule m =
                commands.run(ModelInfoCommand.class, true, "model_file", E2E.gray64().toFile())
                        .get();
        assertFalse(m.isCanceled(), m::getCancelReason);
        assertTrue(
                String.valueOf(m.getOutput("info")).contains("64"),
                () -> String.valueOf(m.getOutput("info")));
    }

    /**
     * Whether imagej-legacy adds a SciJava command to ImageJ 1.x's menus (overriding an ImageJ 1.x
     * entry of the same label): {@code LegacyService.getScriptsAndNonLegacyCommands},
     * LegacyService.java lines 663–671.
     */
    private static boolean addedToImageJ1Menus(CommandInfo info) {
        MenuPath path = info.getMenuPath();
        return UIDetails.APPLICATION_MENU_ROOT.equals(info.getMenuRoot())
                && path.size() > 0
                && !info.is("no-legacy")
                && info.getAnnotation().visible();
    }

    /** {@code LegacyService.initialize}, LegacyService.java lines 491–501 (default settings). */
    private static void removeNoLegacyModulesAsFijiDoes(ModuleService modules) {
        modules.removeModules(
                modules.getModules().stream().filter(info -> info.is("no-legacy")).toList());
    }

    private static boolean isStyleGAN2(ModuleInfo info) {
        return info.getDelegateClassName().startsWith("sc.fiji.stylegan2.");
    }

    /**
     * The menu names of the StyleGAN2 commands, sorted, from the plugin index (not the module
     * list).
     */
    private static List<String> commandNames() {
        return new CommandFinder(scijava.context().service(CommandService.class))
                .all().stream().map(CommandFinder::menuName).sorted().toList();
    }

    /** The menu labels of the plugin jar's plugins.config (ImageJ 1.x's entries, the bridge's). */
    private static List<String> pluginsConfigLabels() throws Exception {
        List<String> labels = new ArrayList<>();
        try (InputStream in = CommandShim.class.getResourceAsStream("/plugins.config")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                Matcher m = CONFIG_ENTRY.matcher(line);
                if (!line.startsWith("#") && m.matches()) {
                    labels.add(m.group(1));
                }
            }
        }
        return labels;
    }
}
