package sc.fiji.stylegan2.training.data;

/**
 * How samples are cut from the source images.
 *
 * @param mode whole images, random tiles, or object crops (key {@code sampling})
 * @param scale data pixels per training pixel along x and y: crops are {@code resolution × scale}
 *     data pixels, shrunk to the resolution (key {@code scale}; 2 = each training pixel covers 2 ×
 *     2 data pixels)
 * @param minForeground for tiles with a label image or mask: the least fraction of foreground
 *     pixels a tile needs (empty background is skipped; key {@code min_foreground}, 0 = any tile)
 */
public record SamplingOptions(SamplingMode mode, double scale, double minForeground) {

    /** Whole images at scale 1. */
    public static final SamplingOptions WHOLE = new SamplingOptions(SamplingMode.WHOLE, 1, 0);

    /**
     * @throws IllegalArgumentException naming {@code scale} or {@code min_foreground}
     */
    public SamplingOptions {
        if (mode == null) {
            throw new IllegalArgumentException("sampling is not set: give whole, tiles or objects");
        }
        if (!(scale > 0 && scale <= 64)) {
            throw new IllegalArgumentException(
                    "scale "
                            + scale
                            + " is not valid: give data pixels per training"
                            + " pixel, above 0 up to 64 (1 = full resolution, 2 = half)");
        }
        if (!(minForeground >= 0 && minForeground < 1)) {
            throw new IllegalArgumentException(
                    "min_foreground "
                            + minForeground
                            + " is not valid: give a fraction"
                            + " from 0 (any tile) to below 1");
        }
    }

    /** The side of a crop in data pixels for {@code resolution} training pixels. */
    public int cropSide(int resolution) {
        return Math.max(1, (int) Math.round(resolution * scale));
    }
}
