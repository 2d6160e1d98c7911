package sc.fiji.stylegan2.model.explore;

import java.util.Locale;

/**
 * Where to interpolate between two seeds (StyleGAN paper, Karras et al. 2019, Sec. 4.2, perceptual
 * path length): in Z, the Gaussian input, by spherical interpolation (slerp), then through the
 * mapping network; or in W, the intermediate latent space, linearly (lerp).
 */
public enum LatentSpace {
    /** Slerp between the z vectors, then map each frame (with truncation). */
    Z,
    /** Lerp between the per-layer latents ws (after truncation). */
    W;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code z} or {@code w} (case-insensitive), naming the key and the valid values when
     * wrong.
     */
    public static LatentSpace parse(String key, String text) {
        for (LatentSpace s : values()) {
            if (s.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                key + " '" + text + "' is not valid: use z (slerp in Z) or w (lerp in W)");
    }
}
