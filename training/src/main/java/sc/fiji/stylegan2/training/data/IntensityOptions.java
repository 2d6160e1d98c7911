package sc.fiji.stylegan2.training.data;

/**
 * How the source intensities become [-1, 1]: the {@link IntensityMode}, the percentiles of {@link
 * IntensityMode#PERCENTILE} (in %), and whether each channel gets its own range.
 *
 * @param mode which range maps to [-1, 1]
 * @param low the low percentile, 0 to below {@code high} (keys {@code percentile_low})
 * @param high the high percentile, up to 100 ({@code percentile_high})
 * @param perChannel each channel its own range; null: yes for multi-channel data (key {@code
 *     per_channel})
 */
public record IntensityOptions(IntensityMode mode, double low, double high, Boolean perChannel) {

    /** The defaults: auto, 0.1 to 99.9 %, per channel for multi-channel data. */
    public static final IntensityOptions DEFAULT =
            new IntensityOptions(IntensityMode.AUTO, 0.1, 99.9, null);

    /**
     * The behaviour before per-channel mappings: the type's range, or the data's for float data,
     * shared.
     */
    public static final IntensityOptions TYPE_SHARED =
            new IntensityOptions(IntensityMode.TYPE, 0.1, 99.9, false);

    /**
     * @throws IllegalArgumentException naming {@code percentile_low} or {@code percentile_high}
     */
    public IntensityOptions {
        if (mode == null) {
            throw new IllegalArgumentException(
                    "intensity is not set: give auto, type, data or percentile");
        }
        if (!(low >= 0 && low < 100)) {
            throw new IllegalArgumentException(
                    "percentile_low "
                            + low
                            + " is not valid: give a percentage from 0"
                            + " to below 100 (e.g. 0.1)");
        }
        if (!(high > low && high <= 100)) {
            throw new IllegalArgumentException(
                    "percentile_high "
                            + high
                            + " is not valid: give a percentage above"
                            + " percentile_low ("
                            + low
                            + ") up to 100 (e.g. 99.9)");
        }
    }

    /** Whether {@code channels} channels get one range each. */
    public boolean perChannel(int channels) {
        return channels > 1 && (perChannel == null || perChannel);
    }
}
