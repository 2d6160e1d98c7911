package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;
import static sc.fiji.stylegan2.plugin.testutil.Commands.output;

import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

/**
 * Every StyleGAN2 command run by menu name through {@link CommandService} in a real SciJava {@link
 * Context}, as Fiji and scripts run them, on the fixture models; and the error cases, each a
 * one-line cancel reason naming the key.
 */
class CommandsInContextTest {

    /**
     * The commands this class runs; a new command must be added here (see everyCommandIsCovered).
     */
    private static final Set<String> COVERED =
            Set.of(
                    "Generate Images",
                    "Model Info",
                    "Convert Checkpoint",
                    "Style Mixing",
                    "Interpolate Latents",
                    "Stochastic Variation",
                    "Show Activations",
                    "Project Image",
                    "Train StyleGAN2",
                    "Demo",
                    "Install GPU Support",
                    "Condition Transition",
                    "Find Directions",
                    "Apply Direction",
                    "Export for Official Training",
                    "Evaluate Model");

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    /**
     * Runs a command by menu name with the 64 px model (commands that read one) and {@code
     * keyValues}.
     */
    private static CommandModule run(String command, Object... keyValues) throws Exception {
        return Commands.run(
                scijava.context(), command, Map.of("model_file", E2E.gray64().toFile()), keyValues);
    }

    @Test
    void everyCommandIsCovered() {
        Set<String> all =
                Commands.finder(scijava.context()).all().stream()
                        .map(CommandFinder::menuName)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(COVERED), all);
    }

    @Test
    void generateImagesReproducesTheOfficialTruncatedImages() throws Exception {
        LabeledFloatImg img =
                output(
                        run(
                                "Generate Images",
                                "seeds",
                                "0-3",
                                "truncation_psi",
                                0.7,
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(List.of("seed=0", "seed=1", "seed=2", "seed=3"), img.labels());
        assertImagesClose(
                E2E.gray64Image(3, "0p70"),
                ImageParts.image(img, 3),
                Images.OFFICIAL,
                "seed 3 psi 0.7 against the official image");
    }

    @Test
    void exportForOfficialTrainingWritesTheFolderTheOfficialTrainerNeeds() throws Exception {
        Path dir = E2E.workDir("export-official");
        Path tif = E2E.trainingImages(dir.resolve("cells.tif"));
        Path out = dir.resolve("cluster");
        CommandModule m =
                run(
                        "Export for Official Training",
                        "images",
                        tif.toFile(),
                        "output_dir",
                        out.toFile(),
                        "model_file",
                        E2E.gray64().toString(),
                        "resolution",
                        64,
                        "kimg",
                        100);
        String message = output(m, "message", String.class);
        assertTrue(message.startsWith("Wrote 8 images (64 px, 1 channel(s))"), message);
        for (String f :
                List.of(
                        "dataset.zip",
                        "G.pt",
                        "D.pt",
                        "G_ema.pt",
                        "make_resume_pkl.py",
                        "train_official.py",
                        "export.json",
                        "train.sh")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("train.sh")).contains("--kimg=100"));
    }

    @Test
    void trainStyleGAN2OnATiffStackWritesACheckpointThatGenerates() throws Exception {
        Path dir = E2E.workDir("train");
        Path tif = E2E.trainingImages(dir.resolve("cells.tif"));
        CommandModule m =
                run(
                        "Train StyleGAN2",
                        "images",
                        tif.toFile(),
                        "output_dir",
                        dir.resolve("run").toFile(),
                        "resolution",
                        8,
                        "config",
                        "small",
                        "kimg",
                        0.016,
                        "snapshot_kimg",
                        0.008,
                        "resume",
                        "");
        java.io.File checkpoint = output(m, "checkpoint", java.io.File.class);
        assertTrue(((String) m.getOutput("message")).startsWith("Finished at 0.016 kimg"));
        LabeledFloatImg img =
                output(
                        run("Generate Images", "model_file", checkpoint, "seeds", "0-1"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(2, img.imageCount());
        assertEquals(8 * 8 * 2, img.data().length);
    }

    @Test
    void modelInfoDescribesResolutionAndLayers() throws Exception {
        String info = output(run("Model Info"), "info", String.class);
        assertTrue(info.contains("resolution 64 x 64, 1 channel"), info);
        assertTrue(info.contains("synthesis.b64.torgb"), info);
    }

    @Test
    void demoGeneratesFromTheModelInThePluginJar() throws Exception {
        CommandModule m = run("Demo", "seeds", "0-1");
        LabeledFloatImg img = output(m, "images", LabeledFloatImg.class);
        assertArrayEquals(new long[] {32, 32, 2}, img.dimensionsAsLongArray());
        Path model = Path.of(output(m, "model_file", String.class));
        assertTrue(Files.isRegularFile(model), model.toString());
    }

    @Test
    void convertCheckpointWritesAnSg2ThatGeneratesTheSameImage() throws Exception {
        Path out = E2E.workDir("convert").resolve("gray64.sg2");
        String message =
                output(
                        run("Convert Checkpoint", "output_file", out.toFile()),
                        "message",
                        String.class);
        assertTrue(message.startsWith("Wrote " + out), message);
        LabeledFloatImg img =
                output(
                        run(
                                "Generate Images",
                                "model_file",
                                out.toFile(),
                                "seeds",
                                "1",
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertImagesClose(
                E2E.gray64Image(1, "1p00"),
                img.data(),
                Images.OFFICIAL,
                "seed 1 of the converted model against the official image");
    }

    @Test
    void styleMixingGridFramesTheCellsWithTheSeedImages() throws Exception {
        CommandModule m =
                run(
                        "Style Mixing",
                        "row_seeds",
                        "0",
                        "col_seeds",
                        "1,2",
                        "col_styles",
                        "middle",
                        "output_range",
                        "raw");
        LabeledFloatImg grid = output(m, "grid", LabeledFloatImg.class);
        LabeledFloatImg cells = output(m, "cells", LabeledFloatImg.class);
        assertArrayEquals(new long[] {3 * 64, 2 * 64, 1}, grid.dimensionsAsLongArray());
        assertEquals(List.of("row seed=0, col seed=1", "row seed=0, col seed=2"), cells.labels());
        assertEquals(
                E2E.gray64Image(0, "1p00")[0],
                grid.data()[64 * 3 * 64],
                Images.OFFICIAL); // row 1, column 0
        assertEquals(
                cells.data()[4096],
                grid.data()[64 * 3 * 64 + 2 * 64],
                0f); // cell (0, 1) at row 1, column 2
    }

    @Test
    void interpolationHasTheSeedsAtItsEnds() throws Exception {
        LabeledFloatImg frames =
                output(
                        run(
                                "Interpolate Latents",
                                "seeds",
                                "2,0",
                                "frames",
                                3,
                                "space",
                                "z",
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(5, frames.imageCount());
        assertEquals("seed=2>0 t=0.500", frames.labels().get(2));
        assertImagesClose(
                E2E.gray64Image(0, "1p00"),
                ImageParts.image(frames, 4),
                Images.OFFICIAL,
                "last frame against the official seed 0");
    }

    @Test
    void conditionTransitionRunsFromOneClassesOfficialImageToTheOthers() throws Exception {
        LabeledFloatImg frames =
                output(
                        run(
                                "Condition Transition",
                                "model_file",
                                E2E.cond4().toFile(),
                                "seeds",
                                "1",
                                "from_condition",
                                "0",
                                "to_condition",
                                "3",
                                "frames",
                                3,
                                "truncation_psi",
                                0.7,
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals("seed=1 class=0>3 t=0.500", frames.labels().get(1));
        assertImagesClose(
                E2E.cond4Image(1, "0p70", 0),
                ImageParts.image(frames, 0),
                Images.OFFICIAL,
                "t=0 against the official class 0 image");
        assertImagesClose(
                E2E.cond4Image(1, "0p70", 3),
                ImageParts.image(frames, 2),
                Images.OFFICIAL,
                "t=1 against the official class 3 image");
    }

    @Test
    void aFoundDirectionAtStrengthZeroLeavesTheSeedsOfficialImage() throws Exception {
        Path file = E2E.workDir("directions").resolve("pca.npz");
        CommandModule found =
                run(
                        "Find Directions",
                        "method",
                        "pca",
                        "samples",
                        200,
                        "num_directions",
                        2,
                        "output_file",
                        file.toFile());
        assertTrue(
                output(found, "directions", String.class)
                        .startsWith("2 pca directions for ws 0-9"));
        LabeledFloatImg walk =
                output(
                        run(
                                "Apply Direction",
                                "seeds",
                                "3",
                                "direction_file",
                                file.toFile(),
                                "direction_index",
                                1,
                                "strengths",
                                "-1,0",
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(List.of("seed=3 d=1 s=-1.000", "seed=3 d=1 s=0.000"), walk.labels());
        assertImagesClose(
                E2E.gray64Image(3, "1p00"),
                ImageParts.image(walk, 1),
                Images.OFFICIAL,
                "strength 0 against the official seed 3");
    }

    @Test
    void stochasticVariationOnRgbKeepsTheChannelsInTheStdImage() throws Exception {
        CommandModule m =
                run(
                        "Stochastic Variation",
                        "model_file",
                        E2E.rgb32().toFile(),
                        "samples",
                        2,
                        "noise_layers",
                        "coarse+middle");
        LabeledFloatImg std = output(m, "std", LabeledFloatImg.class);
        assertArrayEquals(new long[] {32, 32, 3, 1}, std.dimensionsAsLongArray());
        assertEquals(2, output(m, "images", LabeledFloatImg.class).imageCount());
    }

    @Test
    void evaluateModelMeasuresThePathLengthOfTheModel() throws Exception {
        CommandModule m =
                run("Evaluate Model", "metrics", "ppl_wend", "num_samples", 4, "batch_size", 2);
        ResultsTable t = output(m, "results", ResultsTable.class);
        assertEquals(1, t.size());
        assertEquals("ppl_wend", t.getStringValue("metric", 0));
        assertTrue(t.getValue("value", 0) > 0, "ppl " + t.getValue("value", 0));
    }

    @Test
    void showActivationsOfTheLastToRgbHasOneSlicePerImageChannel() throws Exception {
        CommandModule m = run("Show Activations", "layer", "b64.torgb");
        LabeledFloatImg maps = output(m, "activations", LabeledFloatImg.class);
        assertArrayEquals(new long[] {64, 64, 1}, maps.dimensionsAsLongArray());
        assertEquals(1, output(m, "statistics", ResultsTable.class).size());
    }

    @Test
    void projectImageWritesTheLatentThatGenerateImagesTurnsBackIntoTheReconstruction()
            throws Exception {
        Path dir = E2E.workDir("project");
        LabeledFloatImg target =
                output(run("Generate Images", "seeds", "2"), "images", LabeledFloatImg.class);
        Path tif = dir.resolve("seed2.tif");
        TiffStackWriter.save(ImageJ1Stacks.toImagePlus("seed2", target), tif);
        Path latent = dir.resolve("seed2_w.npz");
        CommandModule p =
                run(
                        "Project Image",
                        "target",
                        tif.toFile(),
                        "space",
                        "W+",
                        "num_steps",
                        5,
                        "save_every",
                        5,
                        "latent_file",
                        latent.toFile());
        LabeledFloatImg rec = output(p, "reconstruction", LabeledFloatImg.class);
        assertEquals(List.of("seed2.tif"), rec.labels());
        assertEquals(
                List.of("seed2.tif step=5"),
                output(p, "optimisation", LabeledFloatImg.class).labels());
        assertTrue(Files.exists(dir.resolve("seed2_w.csv")));
        LabeledFloatImg again =
                output(
                        run("Generate Images", "latent_file", latent.toFile()),
                        "images",
                        LabeledFloatImg.class);
        // Exact: the same computation. Project Image synthesises its reconstruction from the
        // latents it writes
        // (float32 in the .npz, read back bit for bit), one target in a batch of one, as Generate
        // Images does.
        assertArrayEquals(rec.data(), again.data(), 0f);
    }

    @Test
    void aProjectionTakesTheSeedsPlaceInEveryCommand() throws Exception {
        Path dir = E2E.workDir("project-latents");
        LabeledFloatImg target =
                output(run("Generate Images", "seeds", "3"), "images", LabeledFloatImg.class);
        Path tif = dir.resolve("seed3.tif");
        TiffStackWriter.save(ImageJ1Stacks.toImagePlus("seed3", target), tif);
        Path latent = dir.resolve("seed3_w.npz");
        LabeledFloatImg rec =
                output(
                        run(
                                "Project Image",
                                "target",
                                tif.toFile(),
                                "space",
                                "W+",
                                "num_steps",
                                5,
                                "save_every",
                                0,
                                "latent_file",
                                latent.toFile()),
                        "reconstruction",
                        LabeledFloatImg.class);
        Path seed1 = E2E.seedLatents(dir.resolve("seed1_w.csv"), 1);

        // Style Mixing: the projection's row (its ws and noise maps) is the reconstruction;
        // exactly, as with
        // batch_size 1 it is the reconstruction's computation (one image in a batch of one).
        LabeledFloatImg grid =
                output(
                        run(
                                "Style Mixing",
                                "row_latents",
                                latent.toString(),
                                "col_seeds",
                                "1",
                                "batch_size",
                                1),
                        "grid",
                        LabeledFloatImg.class);
        float[] row = new float[4096];
        for (int y = 0; y < 64; y++) {
            System.arraycopy(grid.data(), (64 + y) * 128, row, y * 64, 64);
        }
        assertArrayEquals(rec.data(), row, 0f);
        // Interpolate Latents: from the projection to seed 1's latent, starting on the
        // reconstruction (its key
        // frame is the stored latent unchanged; batch_size 1 again makes it the same computation).
        LabeledFloatImg frames =
                output(
                        run(
                                "Interpolate Latents",
                                "latent_files",
                                latent + "," + seed1,
                                "frames",
                                1,
                                "batch_size",
                                1),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(
                List.of(
                        "seed3_w.npz[0]",
                        "seed3_w.npz[0]>seed1_w.csv[0] t=0.500",
                        "seed1_w.csv[0]"),
                frames.labels());
        assertArrayEquals(rec.data(), Arrays.copyOfRange(frames.data(), 0, 4096), 0f);
        // Show Activations and Stochastic Variation label their outputs with the file.
        CommandModule act =
                run(
                        "Show Activations",
                        "latent_file",
                        latent.toFile(),
                        "layer",
                        "b32.conv1",
                        "all_layers",
                        true);
        assertTrue(
                output(act, "montage", LabeledFloatImg.class)
                        .labels()
                        .get(0)
                        .startsWith("seed3_w.npz[0] mean |a|"));
        assertEquals(
                List.of("seed3_w.npz[0] noise=0", "seed3_w.npz[0] noise=1"),
                output(
                                run(
                                        "Stochastic Variation",
                                        "latent_file",
                                        latent.toFile(),
                                        "samples",
                                        2),
                                "images",
                                LabeledFloatImg.class)
                        .labels());
    }

    static Stream<Arguments> invalidInputs() throws java.io.IOException {
        File readme = E2E.fixtures().resolve("README.md").toFile();
        Path rgb32Shaped =
                E2E.rgb32ShapedLatent(E2E.workDir("invalid-latents").resolve("rgb32_w.npz"));
        return Stream.of(
                Arguments.of(
                        "Generate Images",
                        new Object[] {"model_file", new File("/no/such/model.pkl")},
                        "model_file '/no/such/model.pkl' does not exist"),
                Arguments.of("Style Mixing", new Object[] {"model_file", readme}, "README.md"),
                Arguments.of(
                        "Show Activations",
                        new Object[] {"layer", "b128.conv0"},
                        "layer 'b128.conv0' does not exist in this model; valid layers: b4.conv1"),
                Arguments.of(
                        "Generate Images",
                        new Object[] {"seeds", "7-3"},
                        "seeds '7-3': range 7-3 runs backwards"),
                Arguments.of(
                        "Interpolate Latents",
                        new Object[] {"truncation_psi", Double.NaN},
                        "truncation_psi NaN is not valid: give a finite number"),
                Arguments.of(
                        "Interpolate Latents",
                        new Object[] {"frames", 0},
                        "frames 0 is not valid: give 1 or more"),
                Arguments.of(
                        "Interpolate Latents",
                        new Object[] {"space", "q"},
                        "space 'q' is not valid: use z"),
                Arguments.of(
                        "Stochastic Variation", new Object[] {"seed", -1L}, "seed -1 is not valid"),
                Arguments.of(
                        "Stochastic Variation",
                        new Object[] {"device", "GPU"},
                        "device GPU is not available"),
                Arguments.of(
                        "Style Mixing",
                        new Object[] {"col_styles", "0-10"},
                        "col_styles '0-10': index 10 is outside 0..9"),
                Arguments.of("Project Image", new Object[] {}, "target is not set"),
                Arguments.of(
                        "Project Image",
                        new Object[] {"space", "Z"},
                        "space 'Z' is not valid: use W or W+"),
                Arguments.of(
                        "Generate Images",
                        new Object[] {"latent_file", readme},
                        "latent_file: README.md is not a NumPy .npz file"),
                Arguments.of(
                        "Style Mixing",
                        new Object[] {"col_latents", "/no/such_w.npz"},
                        "col_latents '/no/such_w.npz' does not exist"),
                Arguments.of(
                        "Style Mixing",
                        new Object[] {"row_latents", rgb32Shaped.toString()},
                        "row_latents rgb32_w.npz holds latents [N, num_ws, w_dim] = [1, 8, 128], but this model needs"
                                + " [N, 10, "),
                Arguments.of(
                        "Interpolate Latents",
                        new Object[] {"latent_files", readme.toString()},
                        "latent_files: README.md is not a NumPy .npz file"),
                Arguments.of(
                        "Show Activations",
                        new Object[] {"latent_file", rgb32Shaped.toFile()},
                        "use that model, or project the image again with this one"),
                Arguments.of(
                        "Stochastic Variation",
                        new Object[] {"latent_file", new File("/no/such_w.npz")},
                        "latent_file '/no/such_w.npz' does not exist"),
                Arguments.of(
                        "Train StyleGAN2",
                        new Object[] {
                            "images",
                            readme,
                            "output_dir",
                            E2E.workDir("train-invalid").toFile(),
                            "resolution",
                            12
                        },
                        "resolution 12 is not valid"),
                Arguments.of(
                        "Train StyleGAN2",
                        new Object[] {
                            "images",
                            readme,
                            "output_dir",
                            E2E.workDir("train-invalid").toFile(),
                            "config",
                            "big"
                        },
                        "config 'big' is not valid"),
                Arguments.of(
                        "Export for Official Training",
                        new Object[] {
                            "images",
                            readme,
                            "output_dir",
                            E2E.workDir("export-invalid").toFile(),
                            "model_file",
                            "",
                            "resolution",
                            12
                        },
                        "resolution 12 is not valid"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidInputs")
    void invalidInputCancelsWithOneLineNamingTheProblem(
            String command, Object[] keyValues, String expected) throws Exception {
        CommandModule m = run(command, keyValues);
        assertTrue(m.isCanceled(), "canceled");
        String reason = m.getCancelReason();
        assertTrue(reason.contains(expected), reason);
        assertFalse(reason.contains("\n"), "one line: " + reason);
        m.getInfo()
                .outputs()
                .forEach(o -> assertEquals(null, m.getOutput(o.getName()), o.getName()));
    }

    @Test
    void convertingOntoTheModelItselfIsRefusedAndLeavesNoFile() throws Exception {
        Path dir = E2E.workDir("convert-self");
        Path copy = Files.copy(E2E.gray64(), dir.resolve("m.sg2"));
        CommandModule m =
                run(
                        "Convert Checkpoint",
                        "model_file",
                        copy.toFile(),
                        "output_file",
                        copy.toFile());
        assertTrue(m.getCancelReason().contains("is the model_file itself"), m.getCancelReason());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(copy), s.collect(Collectors.toList()));
        }
    }

    /** Without confirm, Install GPU Support only says what it would download (no network here). */
    @Test
    void installGpuSupportWithoutConfirmOnlyShowsThePlan() throws Exception {
        CommandModule m = run("Install GPU Support");
        String plan = output(m, "plan", String.class);
        assertTrue(plan.contains("2.7.1"), plan);
        assertTrue(plan.contains("cu128") || plan.contains("no CUDA build"), plan);
    }
}
