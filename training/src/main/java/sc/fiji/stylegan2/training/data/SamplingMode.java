package sc.fiji.stylegan2.training.data;

import java.util.Locale;

/**
 * How training samples are cut from the source images (key {@code sampling}). Microscopists rarely
 * have thousands of small images; they have a few large ones with hundreds of cells in each.
 */
public enum SamplingMode {
    /**
     * Each image, made square and resized, is one sample (small images; the behaviour before
     * tiles).
     */
    WHOLE,
    /** A fresh random crop of {@code resolution × scale} pixels every time an image is drawn. */
    TILES,
    /**
     * One crop of {@code resolution × scale} pixels centred on each object of a label image or
     * mask.
     */
    OBJECTS;

    /** The mode named by the key's value (case-insensitive). */
    public static SamplingMode parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (SamplingMode m : values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "sampling '" + value + "' is not valid: give whole, tiles or objects");
    }

    /** The key's value for this mode. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
