package sc.fiji.stylegan2.model.explore;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The three groups of styles the StyleGAN paper (Karras et al. 2019, Sec. 3.1, Fig. 3) copies
 * between images: <b>coarse</b> styles act at resolutions 4²–8² (pose, face shape), <b>middle</b>
 * at 16²–32² (features, hair style), <b>fine</b> at 64² and up (colour scheme, micro-structure).
 * The same names select noise inputs (StyleGAN Fig. 5), ws indices and the layers a direction is
 * applied to, so a name means the same in every command.
 *
 * <p>The rule, relative to the model's depth as well as absolute:
 *
 * <ul>
 *   <li>A model of 64 px or more reaches every group of the paper, and the paper's absolute
 *       resolutions hold: coarse 4–8 px, middle 16–32 px, fine 64 px and up.
 *   <li>A smaller model (4–32 px) never reaches the paper's fine group, so its n synthesis blocks
 *       (4 px, 8 px, ..., the output resolution) are split into three by depth: block i (0-based,
 *       from 4 px) is in group ⌊3i / n⌋. A 32 px model: coarse 4–8 px, middle 16 px, fine 32 px; 16
 *       px: coarse 4, middle 8, fine 16. With two blocks (8 px) the 8 px block is fine and middle
 *       is empty; a 4 px model has only coarse.
 * </ul>
 *
 * For 64 and 128 px models the two rules agree; from 256 px only the absolute one is used, as in
 * the paper.
 */
public enum StyleGroup {
    COARSE(4, 8),
    MIDDLE(16, 32),
    FINE(64, Integer.MAX_VALUE);

    /** The smallest model that has a layer in every group of the paper. */
    public static final int PAPER_RULE_FROM = 64;

    private final int minResolution;
    private final int maxResolution;

    StyleGroup(int minResolution, int maxResolution) {
        this.minResolution = minResolution;
        this.maxResolution = maxResolution;
    }

    /**
     * The group of a layer of resolution {@code resolution} in a model of output resolution {@code
     * modelResolution} (the rule in the class comment).
     */
    public static StyleGroup of(int resolution, int modelResolution) {
        if (modelResolution >= PAPER_RULE_FROM) {
            for (StyleGroup g : values()) {
                if (resolution >= g.minResolution && resolution <= g.maxResolution) {
                    return g;
                }
            }
            throw new IllegalArgumentException("no style group for resolution " + resolution);
        }
        int depth = log2(resolution) - 2; // 4 px is block 0
        int blocks = log2(modelResolution) - 1;
        if (blocks == 2 && depth == 1) {
            return FINE; // an 8 px model: its last block is fine, not middle
        }
        // group = floor(3 i / n)
        return values()[Math.min(2, 3 * depth / blocks)];
    }

    /** True when a layer of this resolution belongs to the group in a model of that resolution. */
    public boolean contains(int resolution, int modelResolution) {
        return of(resolution, modelResolution) == this;
    }

    /** The name users type: {@code coarse}, {@code middle}, {@code fine}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The block resolutions of this group in a model of that resolution, e.g. {@code 4-8 px} or
     * {@code 16 px}; {@code none} when the model has no layer in the group.
     */
    public String resolutions(int modelResolution) {
        int[] res =
                IntStream.rangeClosed(2, log2(modelResolution))
                        .map(k -> 1 << k)
                        .filter(r -> contains(r, modelResolution))
                        .toArray();
        if (res.length == 0) {
            return "none";
        }
        int first = res[0], last = res[res.length - 1];
        return first == last ? first + " px" : first + "-" + last + " px";
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

    private static int log2(int resolution) {
        return 31 - Integer.numberOfLeadingZeros(resolution);
    }
}
