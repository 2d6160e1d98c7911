package sc.fiji.stylegan2.plugin.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Plot;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.loop.TickReport;

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
        return new TickReport(tick, kimg, 10, 1, 1, 1, 1, 0, stats);
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
}
