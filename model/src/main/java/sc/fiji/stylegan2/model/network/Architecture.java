package sc.fiji.stylegan2.model.network;

import java.util.Locale;

/**
 * Which generator and discriminator a model has: StyleGAN2 (Karras et al. 2020: weight
 * demodulation, skip generator, residual discriminator) or the original StyleGAN (Karras et al.
 * 2019: AdaIN after instance normalisation, ProGAN discriminator, optionally progressively grown).
 */
public enum Architecture {
    /** StyleGAN2 config F ({@link SynthesisNetwork}, {@link Discriminator}). */
    STYLEGAN2,
    /** The original StyleGAN ({@code network.v1}). */
    STYLEGAN1;

    /**
     * The layers truncation applies to when none are given: all for StyleGAN2 (null), the first 8
     * for the original StyleGAN (official v1 {@code truncation_cutoff=8}: coarse styles only).
     */
    public Integer truncationCutoff() {
        return this == STYLEGAN1 ? 8 : null;
    }

    /** The key as written in options and checkpoints: {@code stylegan2}, {@code stylegan1}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The architecture named by {@code key} ({@code stylegan2} or {@code stylegan1}, any case).
     *
     * @throws IllegalArgumentException naming the valid keys
     */
    public static Architecture of(String key) {
        for (Architecture a : values()) {
            if (a.key().equalsIgnoreCase(key.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "architecture must be 'stylegan2' or 'stylegan1', got '" + key + "'");
    }
}
