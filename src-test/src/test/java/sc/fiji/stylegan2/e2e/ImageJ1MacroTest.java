package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.testutil.Float32;
import sc.fiji.stylegan2.model.testutil.Images;

/**
 * ImageJ 1.54 runs macro files in batch mode under Xvfb with the plugin installed like a user
 * would; the macros call the commands by their menu names with {@code key=value} options and write
 * what they got back (slice counts, labels, pixel values, table cells) to a file checked here.
 */
class ImageJ1MacroTest {

    private static Path home;

    @BeforeAll
    static void install() throws Exception {
        home = ImageJ1.install("imagej1-macro");
    }

    @Test
    void macroRunsThreeCommandsAndGetsLabelledStacksValuesAndATable() throws Exception {
        Path results = home.resolve("results.txt");
        Processes.Result run =
                ImageJ1.batchMacro(
                        home,
                        ImageJ1.macro(home, "stylegan2_commands.ijm"),
                        E2E.gray64() + "|" + results);
        Map<String, String> r = E2E.keyValues(results);
        assertEquals("true", r.get("done"), () -> "macro did not finish:\n" + run.all());

        assertEquals("Generated images", r.get("generate.title"));
        assertEquals("4", r.get("generate.slices"));
        for (int s = 0; s < 4; s++) {
            assertEquals("seed=" + s, r.get("generate.label." + (s + 1)));
        }
        float official = E2E.gray64Image(1, "0p70")[20 * 64 + 10];
        assertEquals(official, Float.parseFloat(r.get("generate.pixel.2.10.20")), Images.OFFICIAL);

        assertEquals("Style mixing cells", r.get("mixing.cells.title"));
        assertEquals("6", r.get("mixing.cells.slices"));
        assertEquals("row seed=1, col seed=4", r.get("mixing.cells.last"));
        assertEquals("256x192x1", r.get("mixing.grid.size"));
        assertEquals(-1, Float.parseFloat(r.get("mixing.grid.corner")), 0f);
        float row1 = E2E.gray64Image(1, "1p00")[20 * 64 + 10]; // grid row 2 shows row seed 1
        assertEquals(row1, Float.parseFloat(r.get("mixing.grid.row2.10.20")), Images.OFFICIAL);

        assertEquals("64", r.get("activations.slices"));
        assertEquals("8x8", r.get("activations.size"));
        assertEquals("channel 5", r.get("activations.label.6"));
        assertEquals("64", r.get("statistics.rows"));
        assertEquals("5", r.get("statistics.channel.5"));
        assertEquals(
                Double.parseDouble(r.get("activations.mean.6")),
                Double.parseDouble(r.get("statistics.mean.5")),
                1e-5);
        assertTrue(
                Double.parseDouble(r.get("statistics.spike.5")) >= 1, r.get("statistics.spike.5"));
    }

    @Test
    void macroRunsTheExploreCommandsOnLatentFilesInPlaceOfSeeds() throws Exception {
        Path seed1 = E2E.seedLatents(home.resolve("seed1_w.npz"), 1);
        Path seeds23 = E2E.seedLatents(home.resolve("seeds23_w.csv"), 2, 3);
        Path results = home.resolve("latents.txt");
        Processes.Result run =
                ImageJ1.batchMacro(
                        home,
                        ImageJ1.macro(home, "stylegan2_latents.ijm"),
                        E2E.gray64() + "|" + seed1 + "|" + seeds23 + "|" + results);
        Map<String, String> r = E2E.keyValues(results);
        assertEquals("true", r.get("done"), () -> "macro did not finish:\n" + run.all());

        assertEquals("row seed1_w.npz[0], col seed=3", r.get("mixing.cells.label.2"));
        assertEquals("192x128", r.get("mixing.grid.size"));
        float official = E2E.gray64Image(1, "1p00")[20 * 64 + 10]; // the row is seed 1's image
        assertEquals(official, Float.parseFloat(r.get("mixing.grid.row1.10.20")), Images.OFFICIAL);
        assertEquals("5", r.get("interpolate.slices"), "three keys: one latent, then two");
        assertEquals("seed1_w.npz[0]>seeds23_w.csv[0] t=0.500", r.get("interpolate.label.2"));
        // The file's ws were mapped in this JVM, the seed's in ImageJ's: one computation only where
        // both run
        // libtorch alike (same CPU, same threads), so compare up to float32 rounding of the
        // activations.
        double maxAbs = Double.parseDouble(r.get("activations.file.maxabs.6"));
        double tolerance = Float32.synthesis(E2E.gray64Config(), maxAbs);
        assertEquals(
                Double.parseDouble(r.get("activations.seed.mean.6")),
                Double.parseDouble(r.get("activations.file.mean.6")),
                tolerance);
        assertEquals("seed1_w.npz[0] noise=1", r.get("variation.label.2"));
    }

    @Test
    void aLatentOfAnotherModelAbortsTheMacroNamingKeyFileAndShapes() throws Exception {
        Path other = E2E.rgb32ShapedLatent(home.resolve("rgb32_w.npz"));
        assertAborts(
                "Style Mixing",
                "model_file=[" + E2E.gray64() + "] row_latents=[" + other + "]",
                "row_latents rgb32_w.npz holds latents [N, num_ws, w_dim] = [1, 8, 128], but this model needs [N, 10,");
    }

    @Test
    void theMacroTemplateRunsWithTheModelAsItsArgument() throws Exception {
        Path macro = home.resolve("Generate_and_Inspect.ijm");
        try (var in =
                ImageJ1MacroTest.class.getResourceAsStream(
                        "/script_templates/StyleGAN2/Generate_and_Inspect.ijm")) {
            Files.copy(in, macro, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Processes.Result run = ImageJ1.batchMacro(home, macro, E2E.gray64().toString());
        assertTrue(run.out().contains("Generated 8 images; slice 1 is seed=0"), run::all);
        assertTrue(
                run.out().matches("(?s).*Channel 0 of b8\\.conv0: max/median \\|a\\| = \\d.*"),
                run::all);
    }

    @Test
    void trainingInABatchMacroOpensNoPreviewOrPlot() throws Exception {
        Path images = E2E.trainingImages(home.resolve("cells.tif"));
        Path output = home.resolve("train-batch");
        Path results = home.resolve("train-results.txt");
        Processes.Result run =
                ImageJ1.batchMacro(
                        home,
                        ImageJ1.macro(home, "stylegan2_train.ijm"),
                        images + "|" + output + "|" + results);
        Map<String, String> r = E2E.keyValues(results);
        assertEquals("true", r.get("done"), () -> "macro did not finish:\n" + run.all());
        assertTrue(Files.exists(output.resolve("network-snapshot-000000.sg2")), run::all);
        assertEquals(
                "0",
                r.get("images.open"),
                "batch mode hides images: no preview stack or plot image");
    }

    @Test
    void trainingTakesItsObjectsFromTheRoiManager() throws Exception {
        Path images = E2E.trainingImages(home.resolve("cells-rois.tif"));
        Path output = home.resolve("train-rois");
        Path results = home.resolve("train-rois-results.txt");
        Processes.Result run =
                ImageJ1.batchMacro(
                        home,
                        ImageJ1.macro(home, "stylegan2_train_rois.ijm"),
                        images + "|" + output + "|" + results);
        Map<String, String> r = E2E.keyValues(results);
        assertEquals("2", r.get("rois"), run::all);
        assertEquals("true", r.get("done"), () -> "macro did not finish:\n" + run.all());
        assertTrue(Files.exists(output.resolve("network-snapshot-000000.sg2")), run::all);
        // Two ROIs without a position lie on each of the 8 images: 16 crops.
        assertTrue(run.all().contains("16 objects (rois)"), run::all);
    }

    @Test
    void backwardsSeedsAbortTheMacroWithTheMessage() throws Exception {
        assertAborts(
                "Generate Images",
                "model_file=[" + E2E.gray64() + "] seeds=7-3",
                "seeds '7-3': range 7-3 runs backwards; write it as 3-7");
    }

    @Test
    void psiThatIsNotANumberAbortsTheMacroNamingTheKey() throws Exception {
        assertAborts(
                "Interpolate Latents",
                "model_file=[" + E2E.gray64() + "] truncation_psi=abc",
                "truncation_psi 'abc' is not a number");
    }

    private static void assertAborts(String command, String options, String message)
            throws Exception {
        Path results = home.resolve("error-" + command.replace(' ', '_') + ".txt");
        Processes.Result run =
                ImageJ1.batchMacro(
                        home,
                        ImageJ1.macro(home, "stylegan2_error.ijm"),
                        results + "|" + command + "|" + options);
        Map<String, String> r = E2E.keyValues(results);
        assertEquals("true", r.get("before"), run::all);
        assertFalse(r.containsKey("after"), "the macro went on after the error:\n" + run.all());
        assertTrue(run.all().contains(message), run.all());
    }
}
