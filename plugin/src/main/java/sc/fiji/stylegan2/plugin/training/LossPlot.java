package sc.fiji.stylegan2.plugin.training;

import ij.gui.Plot;
import ij.gui.PlotWindow;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import sc.fiji.stylegan2.training.loop.TickReport;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution;

/**
 * The loss plot of a training run, one point per progress tick against kimg: the tick means of the
 * generator's and the discriminator's main losses (non-saturating logistic, Goodfellow et al. 2014
 * section 3), and of the R1 penalty (Mescheder et al. 2018) and the path length penalty (Karras et
 * al. 2020 section 3.2) at the ticks where their lazy schedule (section 3.1) ran them. The y axis
 * is logarithmic, since the losses stay near 1 while the penalties span decades (R1 from 0.01 to
 * 100 in a run is common); a tick mean of exactly 0, which it cannot show, is left out. It is
 * redrawn in place in one ImageJ 1.x {@link PlotWindow}; when the user closes that window the plot
 * stops for the rest of the run, which goes on. Without a window ({@code show} false) it only keeps
 * the series.
 *
 * <p>For a StyleGAN2 skip generator a second window beside it draws what StyleGAN2 Fig. 8 plots for
 * the run: each resolution's share of G_ema's output at every tick (the standard deviation of its
 * upsampled toRGB output over the sum of all of them, {@link TickReport#torgb()}), one line per
 * resolution from blue (4×4) to red (the output's), on a linear axis from 0 to 1. The paper saw the
 * high resolutions gain share as training went on.
 */
public final class LossPlot implements TrainingListener {

    /** A plotted tick statistic: its {@link TickReport} name, legend text and colour. */
    enum Series {
        G_LOSS("Loss/G/loss", "G loss", Color.BLUE),
        D_LOSS("Loss/D/loss", "D loss", Color.RED),
        R1("Loss/r1_penalty", "R1 penalty", new Color(0, 150, 0)),
        PATH_LENGTH("Loss/pl_penalty", "path length penalty", Color.MAGENTA);

        final String stat;
        final String legend;
        final Color color;

        Series(String stat, String legend, Color color) {
            this.stat = stat;
            this.legend = legend;
            this.color = color;
        }
    }

    private final String title;
    private final boolean show;
    private final List<List<double[]>> points = new ArrayList<>();
    private final Map<Integer, List<double[]>> shares = new TreeMap<>();
    private final LiveWindow losses = new LiveWindow();
    private final LiveWindow torgb = new LiveWindow();

    /**
     * @param title the window's title
     * @param show whether to show the plot in a window
     */
    public LossPlot(String title, boolean show) {
        this.title = title;
        this.show = show;
        for (int i = 0; i < Series.values().length; i++) {
            points.add(new ArrayList<>());
        }
    }

    @Override
    public void progress(long done, long total, String message) {
        // the plot changes at ticks only
    }

    @Override
    public void tick(TickReport report) {
        for (Series s : Series.values()) {
            double v = report.stat(s.stat);
            if (v > 0 && v < Double.POSITIVE_INFINITY) { // NaN: not run this tick; <= 0: not on a
                // log axis
                points.get(s.ordinal()).add(new double[] {report.kimg(), v});
            }
        }
        for (ToRgbContribution.Share s : report.torgb()) {
            shares.computeIfAbsent(s.resolution(), r -> new ArrayList<>())
                    .add(new double[] {report.kimg(), s.share()});
        }
        if (show) {
            losses.draw(this::plot);
            if (!shares.isEmpty()) {
                torgb.draw(this::torgbPlot);
            }
        }
    }

    /** The points of one series so far: {x (kimg), y}. */
    double[][] series(Series s) {
        return xy(points.get(s.ordinal()));
    }

    /** The toRGB shares of the block at {@code resolution} so far: {x (kimg), share}. */
    double[][] torgbSeries(int resolution) {
        return xy(shares.getOrDefault(resolution, List.of()));
    }

    private static double[][] xy(List<double[]> p) {
        double[][] xy = new double[2][p.size()];
        for (int i = 0; i < p.size(); i++) {
            xy[0][i] = p.get(i)[0];
            xy[1][i] = p.get(i)[1];
        }
        return xy;
    }

    /**
     * The plot of the series so far, those with points in {@link Series} order (so the first is the
     * G loss once a tick has one).
     */
    Plot plot() {
        Plot plot = new Plot(title, "kimg", "loss, penalty (log scale)");
        plot.setAxisYLog(true);
        StringBuilder legend = new StringBuilder();
        for (Series s : Series.values()) {
            double[][] xy = series(s);
            if (xy[0].length > 0) {
                plot.setColor(s.color, s.color); // the second colour is the connecting line's
                plot.addPoints(xy[0], xy[1], Plot.CONNECTED_CIRCLES);
                legend.append(legend.length() == 0 ? "" : "\n").append(s.legend);
            }
        }
        if (legend.length() > 0) {
            plot.setColor(Color.BLACK);
            plot.addLegend(legend.toString(), "auto");
        }
        plot.setLimitsToFit(false); // all series, not only the first
        return plot;
    }

    /**
     * The plot of the toRGB shares so far, one series per resolution from the lowest, with a legend
     * of the resolutions; the y axis spans 0 to 1.
     */
    Plot torgbPlot() {
        Plot plot =
                new Plot(title + " (toRGB share per resolution)", "kimg", "share of the output");
        StringBuilder legend = new StringBuilder();
        int i = 0;
        for (int resolution : shares.keySet()) {
            // blue for 4×4 to red for the output's resolution
            float hue = shares.size() == 1 ? 0 : 0.66f * (1 - (float) i++ / (shares.size() - 1));
            Color color = Color.getHSBColor(hue, 1f, 0.8f);
            double[][] xy = torgbSeries(resolution);
            plot.setColor(color, color);
            plot.addPoints(xy[0], xy[1], Plot.CONNECTED_CIRCLES);
            legend.append(legend.length() == 0 ? "" : "\n")
                    .append(resolution)
                    .append('×')
                    .append(resolution);
        }
        if (legend.length() > 0) {
            plot.setColor(Color.BLACK);
            plot.addLegend(legend.toString(), "auto");
        }
        plot.setLimitsToFit(false);
        double[] fit = plot.getLimits();
        plot.setLimits(fit[0], fit[1], 0, 1);
        return plot;
    }

    /** The loss window, or null before the first tick or without windows. */
    PlotWindow window() {
        return losses.window;
    }

    /** The toRGB window, or null before the first tick with shares or without windows. */
    PlotWindow torgbWindow() {
        return torgb.window;
    }

    /** One plot window, opened at the first draw and redrawn in place until the user closes it. */
    private static final class LiveWindow {
        private boolean opened;
        private PlotWindow window;

        /** Builds the plot only when there is a window to draw it in. */
        void draw(Supplier<Plot> plot) {
            if (!opened) {
                opened = true;
                window = plot.get().show();
            } else if (window != null && !window.isClosed()) {
                window.drawPlot(plot.get());
            }
        }
    }
}
