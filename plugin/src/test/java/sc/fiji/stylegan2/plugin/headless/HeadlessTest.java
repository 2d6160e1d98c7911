package sc.fiji.stylegan2.plugin.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.Launcher;
import sc.fiji.stylegan2.plugin.testutil.Launcher.Result;

/**
 * The launcher's command line and error cases, each ending with exit 2 and one line naming the
 * problem.
 */
class HeadlessTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    private static Result run(String... args) {
        return Launcher.run(scijava.context(), args);
    }

    private static String model() {
        return "model_file='" + Fixtures.gray64Pickle() + "'";
    }

    @Test
    void unknownCommandListsTheValidCommands() {
        String line = run("--run", "Generate Imagez", model()).usageError();
        assertTrue(line.contains("unknown command 'Generate Imagez'"), line);
        assertTrue(line.contains("Generate Images"), line);
    }

    @Test
    void unknownKeyListsTheValidKeys() {
        String line = run("--run", "Generate Images", model() + ",sedes='0-3'").usageError();
        assertTrue(line.contains("unknown key 'sedes'"), line);
        // The shared keys of the command bases come first (SciJava lists a base class's parameters
        // first).
        assertTrue(
                line.contains(
                        "model_file, device, precision, condition, truncation_psi, output_range,"
                                + " batch_size, noise_mode, seeds,"),
                line);
    }

    @Test
    void missingModelFileNamesTheParameter() {
        Path missing = tmp.resolve("missing.pkl");
        String line = run("--run", "Generate Images", "model_file='" + missing + "'").usageError();
        assertEquals("stylegan2: model_file '" + missing + "' does not exist", line);
    }

    @Test
    void modelFileNotGivenNamesTheParameter() {
        String line = run("--run", "Model Info").usageError();
        assertTrue(line.startsWith("stylegan2: Model Info needs model_file"), line);
    }

    @Test
    void backwardsSeedRangeNamesSeeds() {
        String line = run("--run", "Generate Images", model() + ",seeds='7-3'").usageError();
        assertTrue(line.startsWith("stylegan2: seeds '7-3'"), line);
        assertTrue(line.contains("3-7"), line);
    }

    @Test
    void nonNumericTruncationPsiNamesTheParameter() {
        String line =
                run("--run", "Generate Images", model() + ",truncation_psi='abc'").usageError();
        assertEquals("stylegan2: truncation_psi 'abc' is not a number; give e.g. 1.0", line);
    }

    @Test
    void unknownNoiseModeListsTheChoices() {
        String line = run("--run", "Generate Images", model() + ",noise_mode=foo").usageError();
        assertTrue(
                line.contains("noise_mode 'foo'") && line.contains("const, random or none"), line);
    }

    @Test
    void zeroBatchSizeNamesTheParameter() {
        String line = run("--run", "Generate Images", model() + ",batch_size=0").usageError();
        assertTrue(line.startsWith("stylegan2: batch_size 0"), line);
    }

    @Test
    void badArgumentSyntaxIsAUsageError() {
        String line = run("--run", "Generate Images", "seeds='0-3").usageError();
        assertTrue(line.contains("never closed"), line);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertTrue(run("--frobnicate").usageError().contains("unknown option '--frobnicate'"));
    }

    @Test
    void nothingToDoIsAUsageError() {
        assertTrue(run().usageError().contains("nothing to do"));
    }

    @Test
    void saveIsRejectedForACommandWithoutImages() {
        String line =
                run("--run", "Model Info", model(), "--save", tmp.resolve("x.tif").toString())
                        .usageError();
        assertTrue(line.contains("Model Info has no image output"), line);
    }

    @Test
    void saveIntoAMissingFolderIsRejectedBeforeRunning() {
        Path target = tmp.resolve("no/such/folder/out.tif");
        String line =
                run("--run", "Generate Images", model(), "--save", target.toString()).usageError();
        assertTrue(line.startsWith("stylegan2: --save") && line.contains("does not exist"), line);
        assertFalse(Files.exists(target));
    }

    @Test
    void listShowsGenerateImagesWithItsKeysAndDefaults() {
        Result r = run("--list");
        assertEquals(Headless.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().contains("Generate Images"), r.out());
        assertTrue(
                r.out().lines().anyMatch(l -> l.trim().startsWith("seeds") && l.contains("'0-7'")),
                r.out());
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.trim().startsWith("noise_mode")
                                                && l.contains("const, random, none")));
        assertTrue(
                r.out().contains("Model Info") && r.out().contains("Convert Checkpoint"), r.out());
    }

    @Test
    void helpPrintsUsageToStdout() {
        Result r = run("--help");
        assertEquals(Headless.EXIT_OK, r.code());
        assertTrue(r.out().startsWith("Usage: stylegan2 --run COMMAND"), r.out());
    }

    @Test
    void freshContextEntryPointWorksToo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Headless.run(new String[] {"--list"}, new PrintStream(out, true), System.err);
        assertEquals(Headless.EXIT_OK, code);
        assertTrue(out.toString().contains("Generate Images"));
    }
}
