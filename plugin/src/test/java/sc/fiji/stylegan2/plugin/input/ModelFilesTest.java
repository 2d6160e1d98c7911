package sc.fiji.stylegan2.plugin.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;

class ModelFilesTest {

    @TempDir Path tmp;

    @Test
    void existingModelIsAccepted() {
        assertEquals(
                Fixtures.gray64Pickle(),
                ModelFiles.requireReadable("model_file", Fixtures.gray64Pickle().toFile()));
    }

    @Test
    void problemsWithTheModelFileNameTheKey() {
        assertMessage(
                "model_file is not set", () -> ModelFiles.requireReadable("model_file", null));
        assertMessage(
                "model_file '" + tmp.resolve("x.pkl") + "' does not exist",
                () -> ModelFiles.requireReadable("model_file", tmp.resolve("x.pkl").toFile()));
        assertMessage(
                "model_file '" + tmp + "' is a folder",
                () -> ModelFiles.requireReadable("model_file", tmp.toFile()));
    }

    @Test
    void outputFileGetsTheSg2Extension() {
        assertEquals(
                tmp.resolve("m.sg2"),
                ModelFiles.requireWritableSg2("output_file", tmp.resolve("m").toFile()));
        assertEquals(
                tmp.resolve("m.SG2"),
                ModelFiles.requireWritableSg2("output_file", tmp.resolve("m.SG2").toFile()));
    }

    @Test
    void outputFileInAMissingFolderNamesTheKey() {
        File file = tmp.resolve("no/m.sg2").toFile();
        assertMessage("output_file '", () -> ModelFiles.requireWritableSg2("output_file", file));
    }

    private static void assertMessage(String start, Runnable call) {
        var e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
