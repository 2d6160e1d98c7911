package sc.fiji.stylegan2.training.data;

import java.util.Arrays;

/**
 * How a non-square image becomes square before it is resized to the training resolution.
 *
 * <p>Deviation: the official {@code dataset_tool.py} offers {@code center-crop} and {@code
 * center-crop-wide}; here padding replaces the wide crop, because microscopy objects near the
 * border must not be cut off.
 */
public enum SquarePolicy {
    /**
     * Keep the central {@code min(h, w)} square (the extra row or column of an odd difference is
     * dropped at the end).
     */
    CENTER_CROP,
    /** Centre the image in a {@code max(h, w)} square filled with a given value. */
    PAD;

    /** Side of the square this policy makes from an {@code h x w} image. */
    public int side(int height, int width) {
        return this == CENTER_CROP ? Math.min(height, width) : Math.max(height, width);
    }

    /**
     * The square version of {@code image}, CHW, {@code side(h, w)²} values per channel.
     *
     * @param fill the value of padded pixels (unused when cropping)
     */
    public float[] apply(SourceImage image, float fill) {
        int h = image.height(), w = image.width(), c = image.channels();
        int s = side(h, w);
        if (h == s && w == s) {
            return image.pixels();
        }
        float[] out = new float[c * s * s];
        if (this == PAD) {
            Arrays.fill(out, fill);
        }
        // Offsets of the source inside the square (pad) or of the square inside the source (crop).
        int dy = Math.abs(s - h) / 2, dx = Math.abs(s - w) / 2;
        int rows = Math.min(h, s), cols = Math.min(w, s);
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < rows; y++) {
                int src =
                        (ch * h + y + (this == CENTER_CROP ? dy : 0)) * w
                                + (this == CENTER_CROP ? dx : 0);
                int dst = (ch * s + y + (this == PAD ? dy : 0)) * s + (this == PAD ? dx : 0);
                System.arraycopy(image.pixels(), src, out, dst, cols);
            }
        }
        return out;
    }
}
