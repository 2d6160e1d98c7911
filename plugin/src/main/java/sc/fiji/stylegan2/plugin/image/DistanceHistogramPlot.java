package sc.fiji.stylegan2.plugin.image;

import ij.gui.Plot;
import java.awt.Color;
import sc.fiji.stylegan2.training.metrics.DistanceHistogram;

/**
 * The histogram of the projection distances of generated and real images as StyleGAN2 Fig. 10 draws
 * it: both sets over one distance axis in common bins, each as the outline of its bars (generated
 * blue, real red), so that where they overlap both stay visible. Drawn with an ImageJ 1.x {@link
 * Plot} into an image, which works headless.
 */
public final class DistanceHistogramPlot {

    private DistanceHistogramPlot() {}

    /**
     * The plot as an image: an RGB rendering as a {@link LabeledFloatImg} of 3 channels (red,
     * green, blue, 0..255), one image labelled {@code title}.
     *
     * @param xLabel what the distances are, for the x axis
     */
    public static LabeledFloatImg draw(DistanceHistogram h, String title, String xLabel) {
        return ImageJ1Stacks.toLabeledImg(plot(h, title, xLabel).getImagePlus());
    }

    /** The plot itself, e.g. to show in a window. */
    public static Plot plot(DistanceHistogram h, String title, String xLabel) {
        Plot plot = new Plot(title, xLabel, "images");
        double top = 0;
        for (int i = 0; i < h.bins(); i++) {
            top = Math.max(top, Math.max(h.generated()[i], h.real()[i]));
        }
        plot.setLimits(h.edges()[0], h.edges()[h.bins()], 0, Math.max(1, top) * 1.1);
        plot.setLineWidth(2);
        plot.setColor(Color.BLUE);
        double[][] g = outline(h.edges(), h.generated());
        plot.addPoints(g[0], g[1], Plot.LINE);
        plot.setColor(Color.RED);
        double[][] r = outline(h.edges(), h.real());
        plot.addPoints(r[0], r[1], Plot.LINE);
        plot.setColor(Color.BLACK);
        plot.addLegend("generated\treal", "auto");
        plot.setLineWidth(1);
        return plot;
    }

    /**
     * The outline of the bars: from 0 up at the first edge, along the top of each bin, and down to
     * 0 after the last: {x, y}.
     */
    static double[][] outline(double[] edges, int[] counts) {
        int n = counts.length;
        double[] x = new double[2 * n + 2];
        double[] y = new double[2 * n + 2];
        x[0] = edges[0];
        for (int i = 0; i < n; i++) {
            x[2 * i + 1] = edges[i];
            y[2 * i + 1] = counts[i];
            x[2 * i + 2] = edges[i + 1];
            y[2 * i + 2] = counts[i];
        }
        x[2 * n + 1] = edges[n];
        return new double[][] {x, y};
    }
}
