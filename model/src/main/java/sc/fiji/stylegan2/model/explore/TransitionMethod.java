package sc.fiji.stylegan2.model.explore;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How Condition Transition moves an image of a conditional model from class a to class b, the three
 * methods of Phenexplain (Lamiable et al., "Revealing invisible cell phenotypes with conditional
 * generative modeling", Nature Communications 2023).
 */
public enum TransitionMethod {
    /** Lerp in W between {@code mapping(z, c_a)} and {@code mapping(z, c_b)}, the same z. */
    W_LERP,
    /**
     * Interpolate the class embedding: the label {@code c = (1 - t) c_a + t c_b} through the
     * mapping, which is the lerp of the embed layer's outputs (the embed layer is affine), before
     * its normalisation.
     */
    EMBEDDING,
    /**
     * Add {@code t (mean_w(b) - mean_w(a))} to any w, also to projected real images; the means over
     * {@code class_samples} z.
     */
    CLASS_MEAN;

    /** The name users type: {@code w_lerp}, {@code embedding}, {@code class_mean}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method of this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the key and the valid methods
     */
    public static TransitionMethod parse(String key, String text) {
        String t = text == null ? "" : text.trim();
        for (TransitionMethod m : values()) {
            if (m.key().equalsIgnoreCase(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                key
                        + " '"
                        + text
                        + "' is not valid: use "
                        + Arrays.stream(values())
                                .map(TransitionMethod::key)
                                .collect(Collectors.joining(", ")));
    }
}
