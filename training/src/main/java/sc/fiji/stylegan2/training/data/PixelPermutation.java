package sc.fiji.stylegan2.training.data;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The geometric part of {@link AdaptiveAugment}: for each image, the source pixel of every output
 * pixel under a random x-flip, 90° rotation and integer translation, composed as ADA's inverse
 * geometric matrix {@code G⁻¹ = F⁻¹ R⁻¹ T⁻¹} (output coordinates are first translated back, then
 * rotated, then mirrored).
 */
final class PixelPermutation {

    private PixelPermutation() {}

    /**
     * Indices for {@code gather} on {@code [N, C, H·W]} ({@code N·C·H·W} values, the same for all
     * channels of an image), or null when no image moved.
     */
    static long[] draw(
            Set<AugmentOp> ops, double p, int n, int c, int h, int w, RandomGenerator rng) {
        int hw = h * w;
        long[] index = new long[n * c * hw];
        boolean moved = false;
        for (int i = 0; i < n; i++) {
            // Official: i = floor(rand·2) (or ·4), kept where rand < p; t = (2·rand − 1)·xint_max,
            // rounded to px.
            boolean flip =
                    ops.contains(AugmentOp.XFLIP) && rng.nextDouble() < p && rng.nextBoolean();
            int rot = ops.contains(AugmentOp.ROTATE90) && rng.nextDouble() < p ? rng.nextInt(4) : 0;
            int tx = 0, ty = 0;
            if (ops.contains(AugmentOp.XINT) && rng.nextDouble() < p) {
                tx = (int) Math.round((rng.nextDouble() * 2 - 1) * 0.125 * w); // xint_max = 0.125
                ty = (int) Math.round((rng.nextDouble() * 2 - 1) * 0.125 * h);
            }
            moved |= flip || rot != 0 || tx != 0 || ty != 0;
            int base = i * c * hw;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    long src = source(x, y, w, h, flip, rot, tx, ty);
                    for (int ch = 0; ch < c; ch++) {
                        index[base + ch * hw + y * w + x] = src;
                    }
                }
            }
        }
        return moved ? index : null;
    }

    /** Flat source index of output pixel (x, y). */
    private static long source(int x, int y, int w, int h, boolean flip, int rot, int tx, int ty) {
        // T⁻¹: translate back, wrapping around the border.
        int xs = Math.floorMod(x - tx, w), ys = Math.floorMod(y - ty, h);
        // R⁻¹: rotate by 90° steps about the centre, in doubled centred coordinates (integers for
        // any size).
        int u = 2 * xs - (w - 1), v = 2 * ys - (h - 1);
        for (int k = 0; k < rot; k++) {
            int t = u;
            u = -v;
            v = t;
        }
        // F⁻¹: mirror left-right.
        if (flip) {
            u = -u;
        }
        return (long) ((v + h - 1) / 2) * w + (u + w - 1) / 2;
    }
}
