package sc.fiji.stylegan2.training.data;

/**
 * The augmentations of {@link AdaptiveAugment}: the pixel-blitting and colour groups of ADA's
 * {@code bgc} pipeline (Karras et al. 2020b, Sec. 2.3 and Appendix B) that are exact on a pixel
 * grid.
 */
public enum AugmentOp {
    /** Mirror left-right ({@code xflip}). */
    XFLIP,
    /** Rotate by a random multiple of 90° ({@code rotate90}); needs square images. */
    ROTATE90,
    /** Translate by a whole number of pixels, up to 1/8 of the size per axis ({@code xint}). */
    XINT,
    /** Add N(0, 0.2²) to all pixels ({@code brightness}). */
    BRIGHTNESS,
    /** Multiply by 2^N(0, 0.5²) about zero ({@code contrast}). */
    CONTRAST;

    /** True for the operations that only move pixels. */
    public boolean geometric() {
        return this == XFLIP || this == ROTATE90 || this == XINT;
    }
}
