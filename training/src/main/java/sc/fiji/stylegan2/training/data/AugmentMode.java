package sc.fiji.stylegan2.training.data;

import java.util.Locale;

/**
 * Whether and how the discriminator's inputs are augmented: the official {@code --aug} choice
 * (stylegan2-ada-pytorch {@code train.py}; Karras et al. 2020b, "Training Generative Adversarial Networks with
 * Limited Data").
 */
public enum AugmentMode {
    /** No augmentation (official {@code noaug}). */
    NONE,
    /** Adaptive: p starts at {@code augment_p} and follows the overfitting heuristic r_t (Sec. 3; the default). */
    ADA,
    /** A fixed probability p throughout (official {@code fixed} with {@code --p}). */
    FIXED;

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
        throw new IllegalArgumentException("augment '" + text + "' is not valid: use ada, none or fixed");
    }
}
