package sc.fiji.stylegan2.training.data;

/**
 * The pixel type of the source images, which decides the intensity range mapped to [-1, 1]: the
 * full range of the type for 8- and 16-bit integers (the official convention for 8-bit images is
 * {@code x = y / 127.5 - 1}), the data's own min..max for float images.
 */
public enum BitDepth {
    /** 0..255. */
    BITS_8(0, 255),
    /**
     * 0..65535. Microscopy cameras often use only 12 bits; {@link #FLOAT} then gives more contrast.
     */
    BITS_16(0, 65535),
    /** The minimum and maximum over the whole stack. */
    FLOAT(Double.NaN, Double.NaN);

    private final double min;
    private final double max;

    BitDepth(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** True when the range is fixed by the type rather than measured from the data. */
    public boolean hasFixedRange() {
        return !Double.isNaN(min);
    }

    /** Lowest value of the type (NaN for {@link #FLOAT}). */
    public double min() {
        return min;
    }

    /** Highest value of the type (NaN for {@link #FLOAT}). */
    public double max() {
        return max;
    }

    /** The bit depth of an ImageJ image type by its bits per sample (8, 16, 24 for RGB, 32). */
    public static BitDepth ofBitsPerPixel(int bits) {
        return switch (bits) {
            case 8, 24 -> BITS_8;
            case 16 -> BITS_16;
            default -> FLOAT;
        };
    }
}
