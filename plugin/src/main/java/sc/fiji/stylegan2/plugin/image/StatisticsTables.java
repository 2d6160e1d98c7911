package sc.fiji.stylegan2.plugin.image;

import ij.measure.ResultsTable;
import java.util.Locale;
import sc.fiji.stylegan2.model.explore.ChannelStatistics;
import sc.fiji.stylegan2.model.explore.PeakAgreement;

/**
 * The activation statistics as ImageJ {@link ResultsTable}s, the table type every Fiji user and
 * macro knows ({@code Table.get("mean", 0, title)}), with a plain-text form for the headless
 * launcher.
 *
 * <p>Deviation from the "org.scijava.table": SciJava's table package is not part of
 * scijava-common 2.100.1 and its own artifact (scijava-table) is not on Maven Central, which this
 * build is limited to; ImageJ 1.x's table is.
 */
public final class StatisticsTables {

    /** Column headings, shared by the per-channel and per-layer tables. */
    public static final String MEAN = "mean", STD = "std", MAX = "max", SPIKE = "max/median |a|";

    /**
     * Per-layer droplet columns: the largest channel spike ratio, the fraction of channels whose
     * peak |a| sits at the common location (1-pixel tolerance) and that location.
     */
    public static final String WORST_SPIKE = "worst channel " + SPIKE,
            PEAK_AGREEMENT = "peak agreement",
            PEAK_X = "peak x",
            PEAK_Y = "peak y";

    private StatisticsTables() {}

    /** One row per channel: {@code channel}, mean, std, max, max/median |a|. */
    public static ResultsTable perChannel(ChannelStatistics[] stats) {
        ResultsTable rt = new ResultsTable();
        rt.showRowNumbers(false);
        for (int c = 0; c < stats.length; c++) {
            rt.incrementCounter();
            rt.addValue("channel", c);
            add(rt, stats[c]);
        }
        rt.setDecimalPlaces(rt.getColumnIndex("channel"), 0);
        return rt;
    }

    /**
     * Appends one layer's row: name, size, channels, whole-layer statistics, the worst channel
     * ratio and where the channels' peaks agree ({@link PeakAgreement}).
     */
    public static void addLayer(
            ResultsTable rt,
            String layer,
            long size,
            long channels,
            ChannelStatistics whole,
            ChannelStatistics[] perChannel,
            PeakAgreement peaks) {
        rt.showRowNumbers(false);
        rt.incrementCounter();
        rt.addValue("layer", layer);
        rt.addValue("size", size);
        rt.addValue("channels", channels);
        add(rt, whole);
        double worst = Double.NaN;
        for (ChannelStatistics s : perChannel) {
            worst = Double.isNaN(worst) || s.spikeRatio() > worst ? s.spikeRatio() : worst;
        }
        rt.addValue(WORST_SPIKE, worst);
        rt.addValue(PEAK_AGREEMENT, peaks.fraction());
        rt.addValue(PEAK_X, peaks.x());
        rt.addValue(PEAK_Y, peaks.y());
    }

    private static void add(ResultsTable rt, ChannelStatistics s) {
        rt.addValue(MEAN, s.mean());
        rt.addValue(STD, s.std());
        rt.addValue(MAX, s.max());
        rt.addValue(SPIKE, s.spikeRatio());
    }

    /**
     * Tab-separated text: a heading line, then one line per row; numbers with 6 significant digits.
     */
    public static String format(ResultsTable rt) {
        String[] headings = rt.getHeadings();
        StringBuilder sb = new StringBuilder(String.join("\t", headings)).append('\n');
        for (int row = 0; row < rt.size(); row++) {
            for (int i = 0; i < headings.length; i++) {
                sb.append(i == 0 ? "" : "\t").append(cell(rt, headings[i], row));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(ResultsTable rt, String column, int row) {
        double v = rt.getValue(column, row);
        if (Double.isNaN(v)) {
            String s = rt.getStringValue(column, row);
            return s == null ? "NaN" : s; // text columns read as NaN
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }
}
