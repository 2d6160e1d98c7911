package sc.fiji.stylegan2.plugin.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Plot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.loop.TickReport;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution.Share;

/** The loss plot without a window: its series and the plot built from them. */
class LossPlotTest {

    private static TickReport tick(
            long tick, double kimg, double g, double d, Double r1, Double pl) {
        Map<String, Double> stats = new HashMap<>(Map.of("Loss/G/loss", g, "Loss/D/loss", d));
        if (r1 != null) {
            stats.put("Loss/r1_penalty", r1);
        }
        if (pl != null) {
            stats.put("Loss/pl_penalty", pl);
        }
        return new TickReport(tick, kimg, 10, 1, 1, 1, 1, 0, stats, List.of());
    }

    @Test
    void lossesGetOnePointPerTickAndPenaltiesOnlyWhereTheyRan() {
        LossPlot plot = new LossPlot("losses", false);
        plot.tick(tick(0, 0.008, 0.7, 1.4, 0.03, 0.3));
        plot.tick(tick(1, 1.008, 2.9, 0.5, null, 0.07));
        plot.tick(tick(2, 2.008, 2.4, 0.7, 25.0, null));
        assertArrayEquals(
                new double[][] {{0.008, 1.008, 2.008}, {0.7, 2.9, 2.4}},
                plot.series(LossPlot.Series.G_LOSS));
        assertArrayEquals(
                new double[][] {{0.008, 1.008, 2.008}, {1.4, 0.5, 0.7}},
                plot.series(LossPlot.Series.D_LOSS));
        assertArrayEquals(
                new double[][] {{0.008, 2.008}, {0.03, 25.0}}, plot.series(LossPlot.Series.R1));
        assertArrayEquals(
                new double[][] {{0.008, 1.008}, {0.3, 0.07}},
                plot.series(LossPlot.Series.PATH_LENGTH));
        assertNull(plot.window(), "no window without show");
    }

    @Test
    void zeroIsLeftOutSinceTheLogAxisCannotShowIt() {
        LossPlot plot = new LossPlot("losses", false);
        plot.tick(tick(0, 0.008, 0.7, 0.0, 0.0, 0.3));
        assertEquals(0, plot.series(LossPlot.Series.D_LOSS)[0].length);
        assertEquals(0, plot.series(LossPlot.Series.R1)[0].length);
        assertEquals(1, plot.series(LossPlot.Series.G_LOSS)[0].length);
    }

    @Test
    void thePlotHoldsTheSeriesThatHavePointsInOrderOnALogAxis() {
        LossPlot losses = new LossPlot("losses", false);
        losses.tick(tick(0, 0.008, 0.7, 1.4, null, 0.3));
        losses.tick(tick(1, 1.008, 2.9, 0.5, null, 0.07));
        Plot plot = losses.plot();
        assertArrayEquals(new float[] {0.008f, 1.008f}, plot.getDataObjectArrays(0)[0], 0f);
        assertArrayEquals(
                new float[] {0.7f, 2.9f}, plot.getDataObjectArrays(0)[1], 0f, "G loss first");
        assertArrayEquals(
                new float[] {1.4f, 0.5f}, plot.getDataObjectArrays(1)[1], 0f, "then D loss");
        assertArrayEquals(
                new float[] {0.3f, 0.07f},
                plot.getDataObjectArrays(2)[1],
                0f,
                "no R1 yet: path length");
        assertNull(plot.getDataObjectArrays(3));
        assertEquals("losses", plot.getTitle());
        assertTrue(
                plot.getLimits()[2] > 0 && plot.getLimits()[3] >= 2.9,
                "the y range spans every series");
        assertTrue(plot.getLimits()[2] <= 0.07);
    }

    /** A tick with toRGB shares of blocks 4, 8 and 16 (the std is not plotted). */
    private static TickReport shares(long tick, double kimg, double b4, double b8, double b16) {
        return new TickReport(
                tick,
                kimg,
                10,
                1,
                1,
                1,
                1,
                0,
                Map.of("Loss/G/loss", 1.0),
                List.of(new Share(4, b4, b4), new Share(8, b8, b8), new Share(16, b16, b16)));
    }

    @Test
    void toRgbSharesGetOneSeriesPerResolution() {
        LossPlot plot = new LossPlot("losses", false);
        plot.tick(shares(0, 0.008, 0.5, 0.3, 0.2));
        plot.tick(shares(1, 1.008, 0.4, 0.35, 0.25));
        assertArrayEquals(new double[][] {{0.008, 1.008}, {0.5, 0.4}}, plot.torgbSeries(4));
        assertArrayEquals(new double[][] {{0.008, 1.008}, {0.3, 0.35}}, plot.torgbSeries(8));
        assertArrayEquals(new double[][] {{0.008, 1.008}, {0.2, 0.25}}, plot.torgbSeries(16));
        assertNull(plot.torgbWindow(), "no window without show");
    }

    @Test
    void theToRgbPlotDrawsEachResolutionFromTheLowestOnZeroToOne() {
        LossPlot losses = new LossPlot("losses", false);
        losses.tick(shares(0, 0.008, 0.5, 0.3, 0.2));
        losses.tick(shares(1, 1.008, 0.4, 0.35, 0.25));
        Plot plot = losses.torgbPlot();
        assertArrayEquals(new float[] {0.008f, 1.008f}, plot.getDataObjectArrays(0)[0], 0f);
        assertArrayEquals(new float[] {0.5f, 0.4f}, plot.getDataObjectArrays(0)[1], 0f, "4×4");
        assertArrayEquals(new float[] {0.3f, 0.35f}, plot.getDataObjectArrays(1)[1], 0f, "8×8");
        assertArrayEquals(new float[] {0.2f, 0.25f}, plot.getDataObjectArrays(2)[1], 0f, "16×16");
        assertNull(plot.getDataObjectArrays(3));
        assertEquals(0, plot.getLimits()[2]);
        assertEquals(1, plot.getLimits()[3]);
        assertTrue(plot.getLimits()[0] <= 0.008 && plot.getLimits()[1] >= 1.008);
    }

    @Test
    void ticksWithoutSharesLeaveTheToRgbPlotEmpty() {
        LossPlot plot = new LossPlot("losses", false);
        plot.tick(tick(0, 0.008, 0.7, 1.4, null, 0.3));
        assertEquals(0, plot.torgbSeries(4)[0].length);
        assertNull(plot.torgbPlot().getDataObjectArrays(0));
    }
}
