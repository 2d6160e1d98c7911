package sc.fiji.stylegan2.training.data;

import java.util.Arrays;

/** Square crops of images, channels first, with pixels outside the image set to a fill value. */
final class Crop {

    private Crop() {}

    /**
     * The {@code side × side} crop of {@code image} whose top-left pixel is {@code (x0, y0)} (may
     * lie outside; such pixels get {@code fill}), every channel.
     */
    static float[] square(SourceImage image, int x0, int y0, int side, float fill) {
        int c = image.channels(), h = image.height(), w = image.width();
        float[] out = new float[c * side * side];
        boolean inside = x0 >= 0 && y0 >= 0 && x0 + side <= w && y0 + side <= h;
        if (!inside) {
            Arrays.fill(out, fill);
        }
        int xs = Math.max(0, x0), xe = Math.min(w, x0 + side);
        if (xe <= xs) {
            return out;
        }
        for (int ch = 0; ch < c; ch++) {
            for (int y = Math.max(0, y0); y < Math.min(h, y0 + side); y++) {
                System.arraycopy(
                        image.pixels(),
                        (ch * h + y) * w + xs,
                        out,
                        (ch * side + y - y0) * side + xs - x0,
                        xe - xs);
            }
        }
        return out;
    }

    /**
     * The top-left coordinate of a crop of {@code side} pixels centred on {@code centre} (pixel
     * centres at i).
     */
    static int startCentredOn(double centre, int side) {
        return (int) Math.round(centre - (side - 1) / 2.0);
    }
}
