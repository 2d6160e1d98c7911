package sc.fiji.stylegan2.plugin.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void parsesRunWithArgumentsAndSave() {
        LauncherOptions o =
                LauncherOptions.parse(
                        "--run",
                        "Generate Images",
                        "model_file='m.pkl'",
                        "--save",
                        "out.tif",
                        "--debug");
        assertEquals("Generate Images", o.command());
        assertEquals("model_file='m.pkl'", o.arguments());
        assertEquals(Path.of("out.tif"), o.save());
        assertTrue(o.debug());
        assertFalse(o.list());
    }

    @Test
    void runWithoutArgumentStringLeavesItEmpty() {
        LauncherOptions o = LauncherOptions.parse("--run", "Model Info", "--list");
        assertEquals("Model Info", o.command());
        assertEquals("", o.arguments());
        assertTrue(o.list());
        assertNull(o.save());
    }

    @Test
    void acceptsFijiHeadlessFlag() {
        assertTrue(LauncherOptions.parse("--headless", "--list").list());
    }

    @Test
    void unknownOptionListsValidOptions() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LauncherOptions.parse("--sav", "x.tif"));
        assertTrue(
                e.getMessage().contains("unknown option '--sav'")
                        && e.getMessage().contains("--save"));
    }

    @Test
    void strayArgumentIsRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LauncherOptions.parse("--run", "Model Info", "a=1", "b=2"));
        assertTrue(e.getMessage().contains("unexpected argument 'b=2'"), e.getMessage());
    }

    @Test
    void runWithoutCommandNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--run"));
        assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--save"));
    }
}
