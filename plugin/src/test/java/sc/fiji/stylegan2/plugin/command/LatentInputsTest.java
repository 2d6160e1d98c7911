package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.headless.Headless;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;
import sc.fiji.stylegan2.plugin.testutil.Launcher;

/**
 * Latent files in place of seeds in Style Mixing, Interpolate Latents, Show Activations and
 * Stochastic Variation, through CommandService on the 64 px fixture. A file holding the ws of seeds
 * must give bit for bit what the seeds give; a file with noise maps must bring them in with noise
 * mode const.
 *
 * <p>Bit for bit holds only between identical computations: libtorch picks kernels (summation
 * orders) by batch shape and CPU, so each comparison here makes both sides the same batches. The
 * files hold seeds mapped in the batches the compared command maps them in (seed 1 alone, seeds 2
 * and 3 together, 0 and 1 together), and both runs synthesise the same number of images in the same
 * batches: the same counts at the default batch size, or {@code batch_size 1} where the counts
 * differ.
 */
class LatentInputsTest {

    private static final int SIZE = 64 * 64;
    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    @TempDir static Path dir;

    /** Seed 1's ws alone; seeds 2 and 3's ws mapped together; seeds 0 and 1's mapped together. */
    private static Path seed1, seeds23, seeds01;

    /** Seed 1's ws with fresh N(0, 1) noise maps in every layer, as a projection has. */
    private static Path seed1WithNoise;

    /** A latent of a model with other num_ws and w_dim (the 32 px RGB fixture's shape). */
    private static Path otherModel;

    private static int numWs, wDim;

    @BeforeAll
    static void writeLatentFiles() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(Fixtures.gray64Pickle())) {
            numWs = model.config().numWs();
            wDim = model.config().wDim();
            seed1 = write("seed1_w.npz", model, new Latents(1, numWs, wDim, map(model, 1)));
            seeds23 = write("seeds23_w.csv", model, new Latents(2, numWs, wDim, map(model, 2, 3)));
            seeds01 = write("seeds01_w.npz", model, new Latents(2, numWs, wDim, map(model, 0, 1)));
            Map<String, float[]> noise = new LinkedHashMap<>();
            Random random = new Random(5);
            model.generator()
                    .noiseLayers()
                    .forEach(
                            (layer, r) -> {
                                float[] v = new float[r * r];
                                for (int i = 0; i < v.length; i++) {
                                    v[i] = (float) random.nextGaussian();
                                }
                                noise.put(layer, v);
                            });
            seed1WithNoise =
                    write(
                            "seed1_projected.npz",
                            model,
                            new Latents(1, numWs, wDim, map(model, 1), noise));
        }
        otherModel = dir.resolve("rgb32_w.npz");
        LatentFile.write(otherModel, new Latents(1, 8, 128, new float[8 * 128]));
    }

    private static float[] map(StyleGAN2Model model, long... seeds) {
        return model.imageGenerator().mapSeeds(seeds, 1, null);
    }

    private static Path write(String name, StyleGAN2Model model, Latents latents) throws Exception {
        Path file = dir.resolve(name);
        LatentFile.write(file, latents);
        return file;
    }

    /**
     * The command on the 64 px model, in raw output range where it has one, with the given keys.
     */
    private static CommandModule run(Class<? extends Command> type, Object... keyValues)
            throws Exception {
        return Commands.run(
                scijava.context(),
                type,
                Map.of("model_file", Fixtures.gray64Pickle().toFile(), "output_range", "raw"),
                keyValues);
    }

    private static LabeledFloatImg img(CommandModule m, String output) {
        return Commands.output(m, output, LabeledFloatImg.class);
    }

    private static String reason(Class<? extends Command> type, Object... keyValues)
            throws Exception {
        return Commands.cancelReason(run(type, keyValues));
    }

    @Test
    void aRowFromALatentFileOfASeedIsThatSeedsRowExactlyAndTheRowSeedsAreNotUsed()
            throws Exception {
        CommandModule bySeed = run(StyleMixingCommand.class, "row_seeds", "1", "col_seeds", "2,3");
        CommandModule byFile =
                run(
                        StyleMixingCommand.class,
                        "row_seeds",
                        "0,1",
                        "row_latents",
                        seed1.toString(),
                        "col_seeds",
                        "2,3");
        assertArrayEquals(
                new long[] {3 * 64, 2 * 64, 1},
                img(byFile, "grid").dimensionsAsLongArray(),
                "one row: the file's, not row_seeds 0,1");
        // Both: 1 row, 2 columns, 2 cells in one batch; seed 1 mapped alone, seeds 2 and 3
        // together.
        assertArrayEquals(img(bySeed, "grid").data(), img(byFile, "grid").data(), 0f);
        assertArrayEquals(img(bySeed, "cells").data(), img(byFile, "cells").data(), 0f);
        assertEquals(
                List.of("row seed1_w.npz[0], col seed=2", "row seed1_w.npz[0], col seed=3"),
                img(byFile, "cells").labels());
    }

    @Test
    void columnsFromOneCsvHoldingTwoLatentsAreThoseSeedsColumnsExactly() throws Exception {
        CommandModule bySeed =
                run(
                        StyleMixingCommand.class,
                        "row_seeds",
                        "1",
                        "col_seeds",
                        "2,3",
                        "col_styles",
                        "fine");
        CommandModule byFile =
                run(
                        StyleMixingCommand.class,
                        "row_latents",
                        seed1.toString(),
                        "col_latents",
                        seeds23.toString(),
                        "col_styles",
                        "fine");
        assertArrayEquals(img(bySeed, "grid").data(), img(byFile, "grid").data(), 0f);
        assertEquals(
                "row seed1_w.npz[0], col seeds23_w.csv[1]", img(byFile, "cells").labels().get(1));
    }

    @Test
    void aRowsStoredNoiseMapsAreUsedWithConstNoiseAsGenerateImagesUsesThem() throws Exception {
        CommandModule mix =
                run(
                        StyleMixingCommand.class,
                        "row_latents",
                        seed1WithNoise.toString(),
                        "col_seeds",
                        "2",
                        "batch_size",
                        1);
        CommandModule generated =
                run(
                        GenerateImagesCommand.class,
                        "latent_file",
                        seed1WithNoise.toFile(),
                        "batch_size",
                        1);
        CommandModule constNoise = run(GenerateImagesCommand.class, "seeds", "1", "batch_size", 1);
        float[] rowTile = ImageParts.tile(img(mix, "grid"), 1, 0, 64);
        assertArrayEquals(img(generated, "images").data(), rowTile, 0f);
        assertTrue(
                Images.meanAbsDiff(img(constNoise, "images").data(), rowTile) > 1e-3,
                "the stored maps, not noise_const, made the row");
    }

    @Test
    void aFileHoldingTwoSeedsWsInterpolatesExactlyAsTheSeedsInW() throws Exception {
        LabeledFloatImg bySeed =
                img(
                        run(
                                InterpolateLatentsCommand.class,
                                "seeds",
                                "0,1",
                                "frames",
                                2,
                                "space",
                                "w"),
                        "images");
        LabeledFloatImg byFile =
                img(
                        run(
                                InterpolateLatentsCommand.class,
                                "latent_files",
                                seeds01.toString(),
                                "frames",
                                2,
                                "space",
                                "w"),
                        "images");
        assertArrayEquals(bySeed.data(), byFile.data(), 0f);
        assertEquals(
                List.of(
                        "seeds01_w.npz[0]",
                        "seeds01_w.npz[0]>seeds01_w.npz[1] t=0.333",
                        "seeds01_w.npz[0]>seeds01_w.npz[1] t=0.667",
                        "seeds01_w.npz[1]"),
                byFile.labels());
    }

    @Test
    void aProjectionsKeyFrameIsItsImageWithItsOwnNoiseMaps() throws Exception {
        LabeledFloatImg frames =
                img(
                        run(
                                InterpolateLatentsCommand.class,
                                "latent_files",
                                seed1WithNoise + ", " + seed1,
                                "frames",
                                1,
                                "space",
                                "w",
                                "batch_size",
                                1),
                        "images");
        LabeledFloatImg projected =
                img(
                        run(
                                GenerateImagesCommand.class,
                                "latent_file",
                                seed1WithNoise.toFile(),
                                "batch_size",
                                1),
                        "images");
        LabeledFloatImg seed =
                img(run(GenerateImagesCommand.class, "seeds", "1", "batch_size", 1), "images");
        assertEquals("seed1_projected.npz[0]>seed1_w.npz[0] t=0.500", frames.labels().get(1));
        assertArrayEquals(projected.data(), ImageParts.image(frames, 0), 0f);
        assertArrayEquals(seed.data(), ImageParts.image(frames, 2), 0f);
    }

    @Test
    void interpolationNeedsTwoLatentsAndSpaceW() throws Exception {
        assertEquals(
                "latent_files seed1_w.npz gives 1 latent: give at least 2 (two files, or one file holding"
                        + " several)",
                reason(InterpolateLatentsCommand.class, "latent_files", seed1.toString()));
        assertEquals(
                "space z slerps the Gaussian z of seeds, but latent_files holds w latents, which have no z:"
                        + " use space w",
                reason(
                        InterpolateLatentsCommand.class,
                        "latent_files",
                        seeds01.toString(),
                        "space",
                        "z"));
    }

    @Test
    void activationsOfALatentFileOfASeedAreThatSeedsExactly() throws Exception {
        CommandModule bySeed =
                run(
                        ShowActivationsCommand.class,
                        "seed",
                        1L,
                        "layer",
                        "b16.conv0",
                        "all_layers",
                        true);
        CommandModule byFile =
                run(
                        ShowActivationsCommand.class,
                        "seed",
                        7L,
                        "latent_file",
                        seed1.toFile(),
                        "layer",
                        "b16.conv0",
                        "all_layers",
                        true);
        assertArrayEquals(img(bySeed, "activations").data(), img(byFile, "activations").data(), 0f);
        assertArrayEquals(img(bySeed, "montage").data(), img(byFile, "montage").data(), 0f);
        ResultsTable a = Commands.output(bySeed, "statistics", ResultsTable.class);
        ResultsTable b = Commands.output(byFile, "statistics", ResultsTable.class);
        assertEquals(a.getValue("max/median |a|", 9), b.getValue("max/median |a|", 9), 0);
        assertTrue(
                img(byFile, "montage")
                        .labels()
                        .get(0)
                        .startsWith("seed1_w.npz[0] mean |a| per layer"));
    }

    @Test
    void activationsUseAFilesNoiseMapsWithConstNoiseOnly() throws Exception {
        float[] stored =
                img(
                                run(
                                        ShowActivationsCommand.class,
                                        "latent_file",
                                        seed1WithNoise.toFile(),
                                        "layer",
                                        "b8.conv0"),
                                "activations")
                        .data();
        float[] modelNoise =
                img(
                                run(ShowActivationsCommand.class, "seed", 1L, "layer", "b8.conv0"),
                                "activations")
                        .data();
        assertTrue(
                Images.meanAbsDiff(stored, modelNoise) > 1e-3,
                "the stored maps change the activations");
        float[] storedNone =
                img(
                                run(
                                        ShowActivationsCommand.class,
                                        "latent_file",
                                        seed1WithNoise.toFile(),
                                        "layer",
                                        "b8.conv0",
                                        "noise_mode",
                                        "none"),
                                "activations")
                        .data();
        float[] seedNone =
                img(
                                run(
                                        ShowActivationsCommand.class,
                                        "seed",
                                        1L,
                                        "layer",
                                        "b8.conv0",
                                        "noise_mode",
                                        "none"),
                                "activations")
                        .data();
        assertArrayEquals(seedNone, storedNone, 0f);
    }

    @Test
    void stochasticVariationOfALatentFileIsThatOfItsSeedAndIgnoresStoredNoise() throws Exception {
        LabeledFloatImg bySeed =
                img(run(StochasticVariationCommand.class, "seed", 1L, "samples", 2), "images");
        LabeledFloatImg byFile =
                img(
                        run(
                                StochasticVariationCommand.class,
                                "latent_file",
                                seed1WithNoise.toFile(),
                                "samples",
                                2),
                        "images");
        assertArrayEquals(bySeed.data(), byFile.data(), 0f);
        assertEquals(
                List.of("seed1_projected.npz[0] noise=0", "seed1_projected.npz[0] noise=1"),
                byFile.labels());
    }

    @Test
    void aCommandThatShowsOneImageRefusesAFileWithSeveralLatents() throws Exception {
        String expected =
                "latent_file seeds01_w.npz holds 2 latents, but this command shows one image: give a file"
                        + " with one latent";
        assertEquals(
                expected, reason(ShowActivationsCommand.class, "latent_file", seeds01.toFile()));
        assertEquals(
                expected,
                reason(StochasticVariationCommand.class, "latent_file", seeds01.toFile()));
    }

    @Test
    void aLatentOfAnotherModelNamesTheKeyTheFileBothShapesAndWhatToDo() throws Exception {
        String shapes =
                " rgb32_w.npz holds latents [N, num_ws, w_dim] = [1, 8, 128], but this model needs [N, "
                        + numWs
                        + ", "
                        + wDim
                        + "]: latents fit only the model they were made with; use that model, or project the"
                        + " image again with this one";
        assertEquals(
                "col_latents" + shapes,
                reason(StyleMixingCommand.class, "col_latents", otherModel.toString()));
        assertEquals(
                "latent_files" + shapes,
                reason(InterpolateLatentsCommand.class, "latent_files", seed1 + "," + otherModel));
        assertEquals(
                "latent_file" + shapes,
                reason(ShowActivationsCommand.class, "latent_file", otherModel.toFile()));
        assertEquals(
                "latent_file" + shapes,
                reason(StochasticVariationCommand.class, "latent_file", otherModel.toFile()));
        assertEquals(
                "latent_file" + shapes,
                reason(GenerateImagesCommand.class, "latent_file", otherModel.toFile()));
    }

    @Test
    void missingAndUnreadableFilesNameTheKey() throws Exception {
        assertEquals(
                "row_latents '/no/such_w.npz' does not exist",
                reason(StyleMixingCommand.class, "row_latents", seed1 + ",/no/such_w.npz"));
        assertEquals(
                "latent_file '/no/such_w.npz' does not exist",
                reason(ShowActivationsCommand.class, "latent_file", new File("/no/such_w.npz")));
        File readme = Fixtures.dir().resolve("README.md").toFile();
        assertTrue(
                reason(StochasticVariationCommand.class, "latent_file", readme)
                        .startsWith("latent_file: README.md is not a NumPy .npz file"));
        assertTrue(
                reason(InterpolateLatentsCommand.class, "latent_files", dir.toString())
                        .startsWith("latent_files '" + dir + "' is a folder"));
    }

    @Test
    void theLauncherTakesLatentFilesAsAQuotedCommaList() throws Exception {
        Path saved = dir.resolve("grid.tif");
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Style Mixing",
                        "model_file='"
                                + Fixtures.gray64Pickle()
                                + "',row_latents='"
                                + seed1
                                + ","
                                + seeds23
                                + "',col_seeds='0',output_range=raw,batch_size=1",
                        "--save",
                        saved.toString());
        assertEquals(Headless.EXIT_OK, r.code(), r.err());
        ImagePlus grid = IJ.openImage(saved.toString());
        assertEquals(2 * 64, grid.getWidth());
        assertEquals(
                4 * 64,
                grid.getHeight(),
                "three rows: one from the first file, two from the second");
        // Three rows and one makes two batch shapes: with batch_size 1 every image is its own batch
        // of one
        // on both sides, so the header row and seed 1's row are the same computation as the one-row
        // grid.
        LabeledFloatImg bySeed =
                img(
                        run(
                                StyleMixingCommand.class,
                                "row_seeds",
                                "1",
                                "col_seeds",
                                "0",
                                "batch_size",
                                1),
                        "grid");
        float[] row1 =
                Arrays.copyOfRange((float[]) grid.getProcessor().getPixels(), 0, 2 * 2 * SIZE);
        assertArrayEquals(bySeed.data(), row1, 0f);
    }

    @Test
    void theLauncherReportsALatentOfAnotherModelAsAUsageError() {
        String line =
                Launcher.run(
                                scijava.context(),
                                "--run",
                                "Show Activations",
                                "model_file='"
                                        + Fixtures.gray64Pickle()
                                        + "',latent_file='"
                                        + otherModel
                                        + "'")
                        .usageError();
        assertTrue(
                line.startsWith(
                        "stylegan2: latent_file rgb32_w.npz holds latents [N, num_ws, w_dim] = [1, 8, 128]"),
                line);
    }
}
