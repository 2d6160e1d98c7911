package sc.fiji.stylegan2.model;

import java.util.Locale;

/** Which intensity units generated images come back in. */
public enum OutputRange {
    /**
     * The model's data range: the generator output mapped by the model's {@link IntensityMapping}
     * (official models: {@code x * 127.5 + 128}, as the official generate script does before
     * quantizing), kept as float and not clamped.
     */
    MODEL,
    /** The raw generator output, nominally in [-1, 1]. */
    RAW;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputRange parse(String text) {
        for (OutputRange r : values()) {
            if (r.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "output_range '" + text + "' is not valid: use model or raw");
    }
}
