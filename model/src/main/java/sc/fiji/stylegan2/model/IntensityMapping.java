package sc.fiji.stylegan2.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The affine map from the generator's [-1, 1] output to the user's intensity units, {@code y = x *
 * scale + offset}, either shared by all channels or one per channel (microscopy channels can differ
 * by orders of magnitude, so each gets its own range). Official models were trained on 8-bit images
 * mapped as {@code x = y / 127.5 - 1}, so their mapping is scale 127.5, offset 128 (the official
 * generate script's {@code x * 127.5 + 128}), shared.
 *
 * <p>Values are laid out channels first: in a {@code [N, C, H, W]} array with planes of {@code
 * plane = H * W} values, value {@code i} belongs to channel {@code (i / plane) % C}.
 */
public final class IntensityMapping {

    /** The mapping of NVlabs models trained on 8-bit images. */
    public static final IntensityMapping OFFICIAL_8BIT = new IntensityMapping(127.5, 128);

    private final double[] scales;
    private final double[] offsets;

    /** A mapping shared by all channels. */
    public IntensityMapping(double scale, double offset) {
        this(new double[] {scale}, new double[] {offset});
    }

    private IntensityMapping(double[] scales, double[] offsets) {
        if (scales.length == 0 || scales.length != offsets.length) {
            throw new IllegalArgumentException(
                    "need as many scales as offsets, at least one: got "
                            + scales.length
                            + " and "
                            + offsets.length);
        }
        this.scales = scales.clone();
        this.offsets = offsets.clone();
    }

    /** One mapping per channel, {@code scales[c]} and {@code offsets[c]} for channel {@code c}. */
    public static IntensityMapping perChannel(double[] scales, double[] offsets) {
        return new IntensityMapping(scales, offsets);
    }

    /**
     * The mapping that sends [-1, 1] to [min, max] of the training data, shared by all channels.
     */
    public static IntensityMapping ofDataRange(double min, double max) {
        return new IntensityMapping((max - min) / 2, (max + min) / 2);
    }

    /** The mapping that sends [-1, 1] to [min[c], max[c]] in channel {@code c}. */
    public static IntensityMapping ofDataRanges(double[] min, double[] max) {
        double[] s = new double[min.length], o = new double[min.length];
        for (int c = 0; c < min.length; c++) {
            s[c] = (max[c] - min[c]) / 2;
            o[c] = (max[c] + min[c]) / 2;
        }
        return new IntensityMapping(s, o);
    }

    /** True when one scale and offset serve every channel. */
    public boolean isShared() {
        return scales.length == 1;
    }

    /** Number of channel mappings: 1 when shared. */
    public int channels() {
        return scales.length;
    }

    /** The scale of channel 0 (the only one of a shared mapping). */
    public double scale() {
        return scales[0];
    }

    /** The offset of channel 0 (the only one of a shared mapping). */
    public double offset() {
        return offsets[0];
    }

    /** The scale of {@code channel} (any channel of a shared mapping). */
    public double scale(int channel) {
        return scales[isShared() ? 0 : channel];
    }

    /** The offset of {@code channel} (any channel of a shared mapping). */
    public double offset(int channel) {
        return offsets[isShared() ? 0 : channel];
    }

    /** The lowest value any channel's [-1, 1] maps to. */
    public double low() {
        double low = Double.POSITIVE_INFINITY;
        for (int c = 0; c < scales.length; c++) {
            low = Math.min(low, offsets[c] - Math.abs(scales[c]));
        }
        return low;
    }

    /** The highest value any channel's [-1, 1] maps to. */
    public double high() {
        double high = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < scales.length; c++) {
            high = Math.max(high, offsets[c] + Math.abs(scales[c]));
        }
        return high;
    }

    /**
     * Maps user intensities back to the generator's range in place, {@code x = (y - offset) /
     * scale}, for a shared mapping. This is how targets of the projector (and training images) are
     * normalised.
     *
     * @throws IllegalStateException for a per-channel mapping (use {@link #invert(float[], int)})
     */
    public void invert(float[] values) {
        invert(values, requireShared());
    }

    /**
     * Maps user intensities back to [-1, 1] in place, per channel, with planes of {@code plane}
     * values.
     */
    public void invert(float[] values, int plane) {
        for (int i = 0; i < values.length; i++) {
            int c = channelOf(i, plane);
            values[i] = (float) ((values[i] - offsets[c]) / scales[c]);
        }
    }

    /**
     * Applies a shared mapping in place.
     *
     * @throws IllegalStateException for a per-channel mapping (use {@link #apply(float[], int)})
     */
    public void apply(float[] values) {
        apply(values, requireShared());
    }

    /**
     * Applies the mapping in place, per channel, to channels-first values with planes of {@code
     * plane}.
     */
    public void apply(float[] values, int plane) {
        if (!isShared() && plane < 1) {
            throw new IllegalArgumentException("plane size must be at least 1, got " + plane);
        }
        // One plane at a time (all values at once when shared), so the channel is found once per
        // plane rather than by an integer division per value.
        int step = isShared() ? Math.max(values.length, 1) : plane;
        for (int start = 0, p = 0; start < values.length; start += step, p++) {
            int c = isShared() ? 0 : p % scales.length;
            double scale = scales[c], offset = offsets[c];
            int end = (int) Math.min(values.length, (long) start + step);
            for (int i = start; i < end; i++) {
                // y = x * scale + offset
                values[i] = (float) (values[i] * scale + offset);
            }
        }
    }

    private int channelOf(int i, int plane) {
        return isShared() ? 0 : (i / plane) % scales.length;
    }

    private int requireShared() {
        if (!isShared()) {
            throw new IllegalStateException("a per-channel intensity mapping needs the plane size");
        }
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntensityMapping m
                && Arrays.equals(scales, m.scales)
                && Arrays.equals(offsets, m.offsets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scales) + Arrays.hashCode(offsets);
    }

    /**
     * E.g. {@code [0, 4095]} or {@code [0, 4095] | [100, 900]} (the range [-1, 1] maps to, per
     * channel).
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < scales.length; c++) {
            b.append(c == 0 ? "" : " | ")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "[%.6g, %.6g]",
                                    offsets[c] - scales[c],
                                    offsets[c] + scales[c]));
        }
        return b.toString();
    }
}
