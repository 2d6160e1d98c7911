package sc.fiji.stylegan2.training.data;

import java.util.Locale;

/**
 * Whether and how the discriminator's inputs are augmented: the official {@code --aug} choice
 * (stylegan2-ada-pytorch {@code train.py}; Karras et al. 2020b, "Training Generative Adversarial
 * Networks with Limited Data").
 */
public enum AugmentMode {
    /** No augmentation (official {@code noaug}). */
    NONE,
    /**
     * Adaptive: p starts at {@code augment_p} and follows the overfitting heuristic r_t (Sec. 3;
     * the default).
     */
    ADA,
    /** A fixed probability p throughout (official {@code fixed} with {@code --p}). */
    FIXED;

    /**
     * Below this many training images {@link #choose} takes {@code auto} as ADA, from here on as
     * none. Measured (README, quality benchmark): on the 60,000 Fashion-MNIST images ADA's p rose
     * to 0.036 in ten minutes and the FD at 20 kimg was 107 against 49 without augmentation; ADA is
     * for small stacks, where D overfits within the run.
     */
    public static final int AUTO_ADA_BELOW = 2000;

    /** The key users type: {@code none}, {@code ada}, {@code fixed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user key, case-insensitively, with a message listing the valid keys. */
    public static AugmentMode parse(String text) {
        for (AugmentMode m : values()) {
            if (m.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "augment '" + text + "' is not valid: use ada, none or fixed");
    }

    /**
     * The mode for a user's key that may also be {@code auto}: ADA below {@link #AUTO_ADA_BELOW}
     * training images, none from there on.
     *
     * @param images the number of training images
     */
    public static AugmentMode choose(String text, int images) {
        if (text != null && text.trim().equalsIgnoreCase("auto")) {
            return images < AUTO_ADA_BELOW ? ADA : NONE;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "augment '" + text + "' is not valid: use auto, ada, none or fixed");
        }
    }
}
