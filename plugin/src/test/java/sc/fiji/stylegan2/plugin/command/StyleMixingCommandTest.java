package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/** Style Mixing through CommandService on the 64 px fixture, checked against the official images. */
class StyleMixingCommandTest {

    @RegisterExtension
    static final HeadlessContext scijava = new HeadlessContext();

    /** Style Mixing of rows 0, 1 and columns 2, 3 of the 64 px fixture in raw range, with {@code keyValues}. */
    private static CommandModule mix(Object... keyValues) throws Exception {
        return Commands.run(scijava.context(), StyleMixingCommand.class, Map.of("model_file",
                Fixtures.gray64Pickle().toFile(), "row_seeds", "0,1", "col_seeds", "2,3", "output_range", "raw"),
                keyValues);
    }

    /** The 64x64 tile at grid row {@code r}, column {@code c}. */
    private static float[] tile(LabeledFloatImg grid, int r, int c) {
        int width = (int) grid.dimension(0);
        float[] out = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            System.arraycopy(grid.data(), (r * 64 + y) * width + c * 64, out, y * 64, 64);
        }
        return out;
    }

    @Test
    void gridHasColumnSeedsOnTopRowSeedsOnTheLeftAndABlackCorner() throws Exception {
        LabeledFloatImg grid = Commands.output(mix("col_styles", "coarse"), "grid", LabeledFloatImg.class);
        assertArrayEquals(new long[] {3 * 64, 3 * 64, 1}, grid.dimensionsAsLongArray());
        assertArrayEquals(Fixtures.gray64Image(2, "1p00"), tile(grid, 0, 1), 1e-3f);
        assertArrayEquals(Fixtures.gray64Image(3, "1p00"), tile(grid, 0, 2), 1e-3f);
        assertArrayEquals(Fixtures.gray64Image(0, "1p00"), tile(grid, 1, 0), 1e-3f);
        assertArrayEquals(Fixtures.gray64Image(1, "1p00"), tile(grid, 2, 0), 1e-3f);
        float[] corner = tile(grid, 0, 0);
        assertEquals(-1f, corner[0]);
        assertEquals(-1f, corner[corner.length - 1]);
    }

    @Test
    void takingEveryStyleFromTheColumnGivesTheColumnImage() throws Exception {
        CommandModule module = mix("col_styles", "0-9");
        LabeledFloatImg cells = Commands.output(module, "cells", LabeledFloatImg.class);
        assertEquals(List.of("row seed=0, col seed=2", "row seed=0, col seed=3", "row seed=1, col seed=2",
                "row seed=1, col seed=3"), cells.labels());
        float[] cell1x1 = java.util.Arrays.copyOfRange(cells.data(), 3 * 4096, 4 * 4096);
        assertArrayEquals(Fixtures.gray64Image(3, "1p00"), cell1x1, 1e-3f);
    }

    @Test
    void aCoarseMixDiffersFromBothParents() throws Exception {
        LabeledFloatImg cells = Commands.output(mix("col_styles", "coarse"), "cells", LabeledFloatImg.class);
        float[] cell = java.util.Arrays.copyOfRange(cells.data(), 0, 4096);
        double toRow = meanAbsDiff(cell, Fixtures.gray64Image(0, "1p00"));
        double toCol = meanAbsDiff(cell, Fixtures.gray64Image(2, "1p00"));
        assertTrue(toRow > 1e-3 && toCol > 1e-3, "a mix is neither parent: " + toRow + ", " + toCol);
    }

    @Test
    void modelRangeGridHasTheOfficialBlackCorner() throws Exception {
        LabeledFloatImg grid = Commands.output(mix("output_range", "model", "row_seeds", "0", "col_seeds", "1"),
                "grid", LabeledFloatImg.class);
        assertEquals(0.5f, grid.data()[0], 1e-6f); // -1 * 127.5 + 128
    }

    @Test
    void fineStylesOnA32PixelModelCancelWithTheGroupsItHas() throws Exception {
        String reason = Commands.cancelReason(
                mix("model_file", Fixtures.rgb32Pickle().toFile(), "col_styles", "fine"));
        assertTrue(reason.startsWith("col_styles 'fine': this 32 px model has no fine styles"), reason);
    }

    @Test
    void backwardsSeedRangeCancelsNamingTheKey() throws Exception {
        String reason = Commands.cancelReason(mix("col_seeds", "7-3"));
        assertTrue(reason.startsWith("col_seeds '7-3': range 7-3 runs backwards"), reason);
    }

    @Test
    void gpuIsRefusedSayingThisBuildIsCpuOnly() throws Exception {
        String reason = Commands.cancelReason(mix("device", "GPU"));
        assertTrue(reason.startsWith("device GPU is not available: this build ships PyTorch for the CPU only"),
                reason);
    }

    private static double meanAbsDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }
}
