package sc.fiji.stylegan2.training.data;

import java.util.Locale;

/**
 * Which intensity range of the source images maps to the generator's [-1, 1] (key {@code
 * intensity}). Most "16-bit" microscopy images hold 12 bits (0..4095) or less: mapped from 0..65535
 * they would occupy [-1, -0.875], a sliver of the range the losses and R1 γ are tuned for.
 */
public enum IntensityMode {
    /**
     * {@link #TYPE} for 8-bit data, {@link #DATA} for float data (as before), and for 16-bit data
     * {@link #PERCENTILE} when its values span less than a quarter of 0..65535, else {@link #TYPE}.
     */
    AUTO,
    /** The pixel type's range (0..255, 0..65535); float data: the data's min..max. */
    TYPE,
    /** The stack's min..max. */
    DATA,
    /** The stack's low and high percentiles; values beyond are clipped (robust to hot pixels). */
    PERCENTILE;

    /**
     * 16-bit data whose values span less than this uses {@link #PERCENTILE} under {@link #AUTO}.
     */
    public static final double AUTO_16BIT_SPAN = 65536 / 4.0;

    /** The mode named by the key's value (case-insensitive). */
    public static IntensityMode parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (IntensityMode m : values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "intensity '" + value + "' is not valid: give auto, type, data or" + " percentile");
    }

    /** The key's value for this mode. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
