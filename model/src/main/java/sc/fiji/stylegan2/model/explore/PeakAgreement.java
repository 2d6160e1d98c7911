package sc.fiji.stylegan2.model.explore;

import java.util.Arrays;

/**
 * Where the channels of one feature map peak, for telling the "droplet" artifact (StyleGAN2 paper,
 * Karras et al. 2020, Sec. 2, Fig. 1) from an ordinary bright feature: a droplet is one localised
 * spike shared by (nearly) every channel of a layer, so the channels' peaks {@code argmax |a_c|}
 * pile up at one location. The location is the mode of the per-channel peak positions with a
 * 1-pixel tolerance: the pixel whose 3x3 neighbourhood holds the most channel peaks.
 *
 * <p>Chance level: with peaks spread uniformly over an {@code H x W} map, a 3x3 window holds about
 * {@code 9 / (H W)} of them, so the fraction means something only well above that (on a 4x4 map
 * almost every window holds most peaks).
 *
 * @param fraction the fraction of channels whose peak lies within 1 pixel (in x and in y) of {@code
 *     (x, y)}, 0..1
 * @param x column of the mode location
 * @param y row of the mode location
 */
public record PeakAgreement(double fraction, int x, int y) {

    /**
     * The peak agreement of the first image of an activation {@code [N, C, H, W]} (C order). Ties
     * in a channel's argmax or in the mode go to the first in row-major order.
     */
    public static PeakAgreement of(float[] values, long[] shape) {
        if (shape.length != 4 || shape[1] < 1 || shape[2] < 1 || shape[3] < 1) {
            throw new IllegalArgumentException(
                    "expected an activation [N, C, H, W], got " + Arrays.toString(shape));
        }
        int channels = (int) shape[1], h = (int) shape[2], w = (int) shape[3];
        int plane = h * w;
        int[] peaks = new int[plane];
        for (int c = 0; c < channels; c++) {
            int best = 0;
            for (int p = 1; p < plane; p++) {
                if (Math.abs(values[c * plane + p]) > Math.abs(values[c * plane + best])) {
                    best = p;
                }
            }
            peaks[best]++;
        }
        int bestCount = -1, bestX = 0, bestY = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // count(x, y) = sum of peaks over |dx| <= 1, |dy| <= 1
                int count = 0;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        count += peaks[yy * w + xx];
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        return new PeakAgreement((double) bestCount / channels, bestX, bestY);
    }
}
