package sc.fiji.stylegan2.model;

import java.util.Locale;

/**
 * Where the per-pixel noise inputs of the synthesis layers come from (StyleGAN paper, Sec. 3.2;
 * official {@code noise_mode}).
 */
public enum NoiseMode {
    /**
     * The fixed noise maps stored in the model ({@code noise_const}): the same image for the same
     * w.
     */
    CONST,
    /** Fresh Gaussian noise for every image: stochastic variation. */
    RANDOM,
    /** No noise at all. */
    NONE;

    /** The key users type: {@code const}, {@code random}, {@code none}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user key, case-insensitively, with a message listing the valid keys. */
    public static NoiseMode parse(String text) {
        for (NoiseMode m : values()) {
            if (m.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "noise_mode '" + text + "' is not valid: use const, random or none");
    }
}
