package sc.fiji.stylegan2.plugin.image;

import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.training.data.Resize;

/**
 * How a snapshot's fixed-seed images are laid out as one image, like the official {@code
 * fakes*.png}: in rows of {@code ceil(sqrt(count))} tiles, seed 0 top left, then along the row.
 * Tiles shrink by a power of two (area averaging, exact for these factors) until the montage fits
 * {@link #MAX_SIDE} pixels, so that a preview of a high-resolution run stays a screenful and a few
 * megabytes per snapshot.
 */
public final class GridMontage {

    /** The longest side a montage may have, in pixels. */
    static final int MAX_SIDE = 1024;

    private final int count;
    private final int columns;
    private final int rows;
    private final int tileWidth;
    private final int tileHeight;

    private GridMontage(int count, int columns, int rows, int tileWidth, int tileHeight) {
        this.count = count;
        this.columns = columns;
        this.rows = rows;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
    }

    /** The layout of {@code count} images of {@code width x height} pixels. */
    public static GridMontage of(int count, int width, int height) {
        if (count < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a montage needs at least one image of at least 1x1 pixel");
        }
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (count + columns - 1) / columns;
        int shrink = 1;
        while ((columns * (width / shrink) > MAX_SIDE || rows * (height / shrink) > MAX_SIDE)
                && width / shrink > 1
                && height / shrink > 1) {
            shrink *= 2;
        }
        return new GridMontage(count, columns, rows, width / shrink, height / shrink);
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    /** The montage's width in pixels. */
    public int width() {
        return columns * tileWidth;
    }

    /** The montage's height in pixels. */
    public int height() {
        return rows * tileHeight;
    }

    /**
     * The montage of {@code images}, one row-major plane per channel ({@code [channels][height *
     * width]}); cells without an image (the end of the last row) hold {@code fill}.
     *
     * @throws IllegalArgumentException if {@code images} has another count than this layout
     */
    public float[][] compose(GeneratedImages images, float fill) {
        if (images.count() != count) {
            throw new IllegalArgumentException(
                    "layout for " + count + " images, got " + images.count());
        }
        int w = width();
        float[][] planes = new float[images.channels()][w * height()];
        for (float[] plane : planes) {
            java.util.Arrays.fill(plane, fill);
        }
        for (int n = 0; n < count; n++) {
            int x0 = n % columns * tileWidth;
            int y0 = n / columns * tileHeight;
            for (int c = 0; c < images.channels(); c++) {
                float[] tile =
                        Resize.planes(
                                images.plane(n, c),
                                1,
                                images.height(),
                                images.width(),
                                tileHeight,
                                tileWidth);
                for (int y = 0; y < tileHeight; y++) {
                    System.arraycopy(tile, y * tileWidth, planes[c], (y0 + y) * w + x0, tileWidth);
                }
            }
        }
        return planes;
    }
}
