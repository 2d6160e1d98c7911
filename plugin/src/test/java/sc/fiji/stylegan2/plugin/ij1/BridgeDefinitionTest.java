package sc.fiji.stylegan2.plugin.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.command.CommandInfo;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * The parts of the ImageJ 1.x bridge that need no display: the menu entries and the dialog fields.
 */
class BridgeDefinitionTest {

    private static final Pattern ENTRY =
            Pattern.compile("^(Plugins>StyleGAN2), \"([^\"]+)\", ([\\w.]+)\\(\"([^\"]+)\"\\)$");
    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    private static CommandFinder finder() {
        return Commands.finder(scijava.context());
    }

    @Test
    void pluginsConfigListsEveryCommandUnderItsMenuPathThroughTheOneShim() throws IOException {
        List<String> entries = new ArrayList<>();
        try (InputStream in = CommandShim.class.getResourceAsStream("/plugins.config")) {
            assertNotNull(in, "plugins.config is in the jar");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = ENTRY.matcher(line);
                assertTrue(m.matches(), "entry format: " + line);
                assertEquals(CommandShim.class.getName(), m.group(3));
                assertEquals(
                        m.group(2), m.group(4), "the shim runs the command of its own menu label");
                CommandInfo info = finder().find(m.group(4));
                assertEquals(
                        m.group(1) + ">" + m.group(2),
                        info.getMenuPath().getMenuString(true).replace(" > ", ">"));
                entries.add(m.group(2));
            }
        }
        assertEquals(
                finder().all().stream()
                        .map(CommandFinder::menuName)
                        .sorted()
                        .collect(Collectors.toList()),
                entries.stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void dialogLabelsGiveTheCommandsKeysAsMacroKeys() {
        List<DialogField> fields = CommandDialog.fields(finder().find("Style Mixing"), true);
        assertEquals(
                CommandFinder.keys(finder().find("Style Mixing")).stream()
                        .map(i -> i.getName())
                        .toList(),
                fields.stream().map(DialogField::macroKey).toList());
        assertEquals("Model_file", fields.get(0).label());
        assertEquals(DialogField.Kind.FILE, fields.get(0).kind());
        assertEquals("", fields.get(0).initial());
    }

    @Test
    void fieldsStartFromTheCommandDefaultsInAMacro() {
        List<DialogField> fields = CommandDialog.fields(finder().find("Show Activations"), true);
        DialogField seed = field(fields, "seed");
        assertEquals(DialogField.Kind.TEXT, seed.kind());
        assertEquals("0", seed.initial());
        assertEquals(5L, seed.convert("5"));
        DialogField layer = field(fields, "layer");
        assertEquals("b4.conv1", layer.initial());
        DialogField all = field(fields, "all_layers");
        assertEquals(DialogField.Kind.CHECKBOX, all.kind());
        assertEquals("false", all.initial());
        DialogField mode = field(fields, "noise_mode");
        assertEquals(DialogField.Kind.CHOICE, mode.kind());
        assertEquals(List.of("const", "random", "none"), mode.choices());
    }

    @Test
    void aNumberFieldThatIsNotANumberNamesTheKey() {
        DialogField psi =
                field(
                        CommandDialog.fields(finder().find("Generate Images"), true),
                        "truncation_psi");
        var e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> psi.convert("abc"));
        assertEquals("truncation_psi 'abc' is not a number; give e.g. 1.0", e.getMessage());
    }

    private static DialogField field(List<DialogField> fields, String key) {
        return fields.stream().filter(f -> f.macroKey().equals(key)).findFirst().orElseThrow();
    }
}
