package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.testutil.Images;

/**
 * The headless launcher script {@code ./stylegan2}, as users run it, for every command: each in its
 * own JVM on the packaged plugin, {@code --save} writing the command's main image output as an
 * ImageJ TIFF that is read back here, tables and text on stdout, and errors as one line with exit
 * code 2.
 */
class HeadlessLauncherTest {

    private static Path out;

    @BeforeAll
    static void workDir() throws Exception {
        out = E2E.workDir("launcher");
        E2E.pluginJar(); // fail early with a clear message when the plugin is not packaged
    }

    private static Processes.Result launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(E2E.repoRoot().resolve("stylegan2").toString()));
        cmd.addAll(List.of(args));
        // The test runs on what Maven packaged; the script must not start a build of its own.
        return Processes.run(
                cmd,
                E2E.repoRoot(),
                Map.of("STYLEGAN2_NO_BUILD", "1", "OMP_NUM_THREADS", E2E.ompThreads()),
                120);
    }

    private static String model() {
        return "model_file='" + E2E.gray64() + "'";
    }

    private static ImagePlus saved(Processes.Result r, Path file) {
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.exists(file), r.all());
        return IJ.openImage(file.toString());
    }

    @Test
    void listShowsEveryCommandWithItsKeys() throws Exception {
        Processes.Result r = launch("--list");
        assertEquals(0, r.code(), r.all());
        for (String s :
                List.of(
                        "Generate Images",
                        "Style Mixing",
                        "Interpolate Latents",
                        "Stochastic Variation",
                        "Show Activations",
                        "Model Info",
                        "Convert Checkpoint",
                        "Project Image",
                        "Condition Transition",
                        "Find Directions",
                        "Apply Direction",
                        "Demo",
                        "col_styles",
                        "noise_layers",
                        "all_layers",
                        "frames",
                        "space",
                        "device",
                        "precision",
                        "latent_file",
                        "num_steps",
                        "Train StyleGAN2",
                        "Install GPU Support",
                        "Export for Official Training",
                        "Evaluate Model",
                        "lpips_file",
                        "augment_p",
                        "ada_target",
                        "ada_kimg")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void generateImagesSavesOneLabelledSlicePerSeed() throws Exception {
        Path file = out.resolve("generate.tif");
        ImagePlus imp =
                saved(
                        launch(
                                "--run",
                                "Generate Images",
                                model() + ",seeds='1,2'",
                                "--save",
                                file.toString()),
                        file);
        assertEquals(2, imp.getStackSize());
        assertEquals("seed=2", imp.getStack().getSliceLabel(2));
    }

    @Test
    void projectImageSavesTheReconstructionAndWritesTheLatentFile() throws Exception {
        Path target = out.resolve("seed1.tif");
        saved(
                launch(
                        "--run",
                        "Generate Images",
                        model() + ",seeds='1'",
                        "--save",
                        target.toString()),
                target);
        Path rec = out.resolve("seed1_rec.tif");
        Path latent = out.resolve("seed1_w.npz");
        Processes.Result r =
                launch(
                        "--run",
                        "Project Image",
                        model()
                                + ",target='"
                                + target
                                + "',num_steps=3,"
                                + "latent_file='"
                                + latent
                                + "'",
                        "--save",
                        rec.toString());
        ImagePlus imp = saved(r, rec);
        assertEquals(64, imp.getWidth());
        assertEquals("seed1.tif", imp.getStack().getSliceLabel(1));
        assertTrue(r.out().startsWith("Projected seed1.tif in W: 3/3 steps"), r.out());
        assertTrue(Files.exists(latent) && Files.exists(out.resolve("seed1_w.csv")), r.all());
    }

    @Test
    void styleMixingSavesTheGridAsTheMainOutput() throws Exception {
        Path file = out.resolve("grid.tif");
        Processes.Result r =
                launch(
                        "--run",
                        "Style Mixing",
                        model() + ",row_seeds='0',col_seeds='1-2'",
                        "--save",
                        file.toString());
        ImagePlus imp = saved(r, file);
        assertEquals(3 * 64, imp.getWidth());
        assertEquals(2 * 64, imp.getHeight());
        assertTrue(r.err().contains("output 'cells' was not saved"), r.err());
    }

    @Test
    void styleMixingTakesRowsFromLatentFiles() throws Exception {
        Path seed1 = E2E.seedLatents(out.resolve("seed1_w.npz"), 1);
        Path seeds23 = E2E.seedLatents(out.resolve("seeds23_w.csv"), 2, 3);
        Path file = out.resolve("latent_grid.tif");
        ImagePlus imp =
                saved(
                        launch(
                                "--run",
                                "Style Mixing",
                                model()
                                        + ",row_latents='"
                                        + seed1
                                        + ","
                                        + seeds23
                                        + "',col_seeds='0',output_range=raw",
                                "--save",
                                file.toString()),
                        file);
        assertEquals(2 * 64, imp.getWidth());
        assertEquals(
                4 * 64,
                imp.getHeight(),
                "three rows: one latent in the first file, two in the second");
        assertEquals(
                "style mixing rows seed1_w.npz,seeds23_w.csv x cols 0, col_styles 0-2",
                imp.getStack().getSliceLabel(1));
        float official = E2E.gray64Image(1, "1p00")[20 * 64 + 10];
        assertEquals(official, imp.getProcessor().getPixelValue(10, 64 + 20), Images.OFFICIAL);
    }

    @Test
    void interpolateLatentsSavesTheFrames() throws Exception {
        Path file = out.resolve("frames.tif");
        ImagePlus imp =
                saved(
                        launch(
                                "--run",
                                "Interpolate Latents",
                                model() + ",seeds='0,1',frames=2,space=z",
                                "--save",
                                file.toString()),
                        file);
        assertEquals(4, imp.getStackSize());
        assertEquals("seed=0>1 t=0.333", imp.getStack().getSliceLabel(2));
    }

    @Test
    void stochasticVariationSavesTheSamples() throws Exception {
        Path file = out.resolve("samples.tif");
        ImagePlus imp =
                saved(
                        launch(
                                "--run",
                                "Stochastic Variation",
                                model() + ",seed=3,samples=2,noise_layers=fine",
                                "--save",
                                file.toString()),
                        file);
        assertEquals(2, imp.getStackSize());
        assertEquals("seed=3 noise=1", imp.getStack().getSliceLabel(2));
    }

    @Test
    void showActivationsSavesTheChannelsAndPrintsTheStatistics() throws Exception {
        Path file = out.resolve("activations.tif");
        Processes.Result r =
                launch(
                        "--run",
                        "Show Activations",
                        model() + ",layer=b32.conv1",
                        "--save",
                        file.toString());
        ImagePlus imp = saved(r, file);
        assertEquals(64, imp.getStackSize()); // channels(32) = min(2048 / 32, 64)
        assertEquals("channel 63", imp.getStack().getSliceLabel(64));
        assertTrue(
                r.out()
                        .contains(
                                "# Activation statistics\nchannel\tmean\tstd\tmax\tmax/median |a|\n0\t"),
                r.out());
        assertEquals(1 + 1 + 64, r.out().strip().split("\\R").length, r.out());
    }

    /**
     * The augmentation keys reach Train StyleGAN2 from the command line: p = 1 throughout, in the
     * CSV log.
     */
    @Test
    void trainStyleGAN2TakesTheAugmentationKeys() throws Exception {
        ij.ImageStack stack = new ij.ImageStack(16, 16);
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 8; i++) {
            float[] px = new float[16 * 16];
            for (int k = 0; k < px.length; k++) {
                px[k] = 200 + 100 * random.nextFloat();
            }
            stack.addSlice(new ij.process.FloatProcessor(16, 16, px));
        }
        Path tif = out.resolve("train-stack.tif");
        assertTrue(
                new ij.io.FileSaver(new ImagePlus("cells", stack)).saveAsTiffStack(tif.toString()));
        Path run = out.resolve("train-fixed");
        Processes.Result r =
                launch(
                        "--run",
                        "Train StyleGAN2",
                        "images='"
                                + tif
                                + "',output_dir='"
                                + run
                                + "',resolution=8,config=small,kimg=0.016,snapshot_kimg=0.008,augment=fixed,augment_p=1");
        assertEquals(0, r.code(), r.all());
        List<String> log = Files.readAllLines(run.resolve("training_log.csv"));
        int column = List.of(log.get(0).split(",")).indexOf("Progress/augment");
        assertTrue(column > 0, log.get(0));
        assertEquals(
                "1.00000", log.get(log.size() - 1).split(",", -1)[column], String.join("\n", log));
    }

    @Test
    void modelInfoAndConvertCheckpointPrintTheirText() throws Exception {
        Processes.Result info = launch("--run", "Model Info", model());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains("num_ws 10"), info.out());
        Path sg2 = out.resolve("m.sg2");
        Processes.Result conv =
                launch("--run", "Convert Checkpoint", model() + ",output_file='" + sg2 + "'");
        assertEquals(0, conv.code(), conv.all());
        assertTrue(conv.out().startsWith("Wrote " + sg2), conv.out());
    }

    @Test
    void aLayerThatDoesNotExistIsOneLineWithExitCode2() throws Exception {
        Processes.Result r =
                launch(
                        "--run",
                        "Show Activations",
                        model() + ",layer=b4.conv0",
                        "--save",
                        out.resolve("never.tif").toString());
        assertEquals(2, r.code(), r.all());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(
                lines.get(0)
                        .startsWith(
                                "stylegan2: layer 'b4.conv0' does not exist in this model; valid layers:"),
                lines.get(0));
        assertTrue(Files.notExists(out.resolve("never.tif")), "nothing half-written");
    }
}
