package sc.fiji.stylegan2.model.explore;

import java.util.Locale;

/**
 * The three groups of styles the StyleGAN paper (Karras et al. 2019, Sec. 3.1, Fig. 3) copies
 * between images: <b>coarse</b> styles act at resolutions 4²–8² (pose, face shape), <b>middle</b>
 * at 16²–32² (features, hair style), <b>fine</b> at 64² and up (colour scheme, micro-structure).
 * The same names select noise inputs (StyleGAN Fig. 5) and ws indices, so a name means the same in
 * every command.
 */
public enum StyleGroup {
    COARSE(4, 8),
    MIDDLE(16, 32),
    FINE(64, Integer.MAX_VALUE);

    private final int minResolution;
    private final int maxResolution;

    StyleGroup(int minResolution, int maxResolution) {
        this.minResolution = minResolution;
        this.maxResolution = maxResolution;
    }

    /** True when a layer of this resolution belongs to the group. */
    public boolean contains(int resolution) {
        return resolution >= minResolution && resolution <= maxResolution;
    }

    /** The name users type: {@code coarse}, {@code middle}, {@code fine}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resolutions as the paper writes them, e.g. {@code 4²–8²} (ASCII: {@code 4-8 px}). */
    public String resolutions() {
        return maxResolution == Integer.MAX_VALUE
                ? minResolution + " px and up"
                : minResolution + "-" + maxResolution + " px";
    }

    /** The group of this name (case-insensitive), or null when the text names none. */
    public static StyleGroup byKey(String text) {
        for (StyleGroup g : values()) {
            if (g.key().equalsIgnoreCase(text.trim())) {
                return g;
            }
        }
        return null;
    }
}
