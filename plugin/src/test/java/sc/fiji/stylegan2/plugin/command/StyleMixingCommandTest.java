package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

/**
 * Style Mixing through CommandService on the 64 px fixture, checked against the official images.
 */
class StyleMixingCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    /**
     * Style Mixing of rows 0, 1 and columns 2, 3 of the 64 px fixture in raw range, with {@code
     * keyValues}.
     */
    private static CommandModule mix(Object... keyValues) throws Exception {
        return Commands.run(
                scijava.context(),
                StyleMixingCommand.class,
                Map.of(
                        "model_file",
                        Fixtures.gray64Pickle().toFile(),
                        "row_seeds",
                        "0,1",
                        "col_seeds",
                        "2,3",
                        "output_range",
                        "raw"),
                keyValues);
    }

    /** The 64x64 tile at grid row {@code r}, column {@code c}. */
    private static float[] tile(LabeledFloatImg grid, int r, int c) {
        return ImageParts.tile(grid, r, c, 64);
    }

    /** Asserts that a tile of the grid is the official image of {@code seed}. */
    private static void assertOfficial(int seed, float[] tile, String where) throws Exception {
        assertImagesClose(
                Fixtures.gray64Image(seed, "1p00"),
                tile,
                Images.OFFICIAL,
                where + " against the official seed " + seed);
    }

    @Test
    void gridHasColumnSeedsOnTopRowSeedsOnTheLeftAndABlackCorner() throws Exception {
        LabeledFloatImg grid =
                Commands.output(mix("col_styles", "coarse"), "grid", LabeledFloatImg.class);
        assertArrayEquals(new long[] {3 * 64, 3 * 64, 1}, grid.dimensionsAsLongArray());
        assertOfficial(2, tile(grid, 0, 1), "top row, column 1");
        assertOfficial(3, tile(grid, 0, 2), "top row, column 2");
        assertOfficial(0, tile(grid, 1, 0), "left column, row 1");
        assertOfficial(1, tile(grid, 2, 0), "left column, row 2");
        float[] corner = tile(grid, 0, 0);
        assertEquals(-1f, corner[0]);
        assertEquals(-1f, corner[corner.length - 1]);
    }

    @Test
    void takingEveryStyleFromTheColumnGivesTheColumnImage() throws Exception {
        CommandModule module = mix("col_styles", "0-9");
        LabeledFloatImg cells = Commands.output(module, "cells", LabeledFloatImg.class);
        assertEquals(
                List.of(
                        "row seed=0, col seed=2",
                        "row seed=0, col seed=3",
                        "row seed=1, col seed=2",
                        "row seed=1, col seed=3"),
                cells.labels());
        assertOfficial(
                3, ImageParts.image(cells, 3), "cell (1, 1) with every style from its column");
    }

    @Test
    void aCoarseMixDiffersFromBothParents() throws Exception {
        LabeledFloatImg cells =
                Commands.output(mix("col_styles", "coarse"), "cells", LabeledFloatImg.class);
        float[] cell = ImageParts.image(cells, 0);
        double toRow = Images.meanAbsDiff(cell, Fixtures.gray64Image(0, "1p00"));
        double toCol = Images.meanAbsDiff(cell, Fixtures.gray64Image(2, "1p00"));
        assertTrue(
                toRow > 1e-3 && toCol > 1e-3, "a mix is neither parent: " + toRow + ", " + toCol);
    }

    @Test
    void modelRangeGridHasTheOfficialBlackCorner() throws Exception {
        LabeledFloatImg grid =
                Commands.output(
                        mix("output_range", "model", "row_seeds", "0", "col_seeds", "1"),
                        "grid",
                        LabeledFloatImg.class);
        assertEquals(0.5f, grid.data()[0], 1e-6f); // -1 * 127.5 + 128
    }

    @Test
    void fineStylesOnA32PixelModelAreTheStylesOfItsLastBlock() throws Exception {
        CommandModule module =
                mix("model_file", Fixtures.rgb32Pickle().toFile(), "col_styles", "fine");
        // num_ws 8 at 32 px: ws 5-6 feed b32's convs, ws 7 its toRGB
        String label = Commands.output(module, "grid", LabeledFloatImg.class).labels().get(0);
        assertTrue(label.endsWith("col_styles 5-7"), label);
    }

    @Test
    void backwardsSeedRangeCancelsNamingTheKey() throws Exception {
        String reason = Commands.cancelReason(mix("col_seeds", "7-3"));
        assertTrue(reason.startsWith("col_seeds '7-3': range 7-3 runs backwards"), reason);
    }

    @Test
    void gpuIsRefusedSayingThisBuildIsCpuOnly() throws Exception {
        String reason = Commands.cancelReason(mix("device", "GPU"));
        assertTrue(
                reason.startsWith(
                        "device GPU is not available: this build ships PyTorch for the CPU only"),
                reason);
    }
}
