package sc.fiji.stylegan2.model.explore;

import java.util.List;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

/**
 * Lays out a style-mixing grid as the official {@code style_mixing.py} does: the column seeds'
 * images along the top row, the row seeds' images down the left column, the mixed cell (row r,
 * column c) at grid position (r + 1, c + 1), and the top-left corner empty (filled with the
 * background value: the official canvas is black).
 */
public final class MixingGrid {

    private MixingGrid() {}

    /**
     * @param rowImages one image per row seed
     * @param colImages one image per column seed
     * @param cells {@code rows * cols} images, row-major
     * @param background the value of the empty corner (black: the generator's -1 in the output's
     *     units)
     * @return one image of {@code (rows + 1) * H} by {@code (cols + 1) * W} pixels with the images'
     *     channels
     */
    public static GeneratedImages compose(
            GeneratedImages rowImages,
            GeneratedImages colImages,
            GeneratedImages cells,
            float background,
            String label) {
        int rows = rowImages.count();
        int cols = colImages.count();
        int h = cells.height(), w = cells.width(), ch = cells.channels();
        if (cells.count() != rows * cols) {
            throw new IllegalArgumentException(
                    "need " + rows + " x " + cols + " cells, got " + cells.count());
        }
        int gridW = (cols + 1) * w, gridH = (rows + 1) * h;
        float[] grid = new float[ch * gridH * gridW];
        java.util.Arrays.fill(grid, background);
        for (int c = 0; c < cols; c++) {
            place(colImages, c, grid, gridW, gridH, 0, (c + 1) * w);
        }
        for (int r = 0; r < rows; r++) {
            place(rowImages, r, grid, gridW, gridH, (r + 1) * h, 0);
            for (int c = 0; c < cols; c++) {
                place(cells, r * cols + c, grid, gridW, gridH, (r + 1) * h, (c + 1) * w);
            }
        }
        return new GeneratedImages(grid, 1, ch, gridH, gridW, List.of(label));
    }

    /**
     * Copies image {@code n} into the grid with its top-left corner at (y0, x0), channel by
     * channel.
     */
    private static void place(
            GeneratedImages images, int n, float[] grid, int gridW, int gridH, int y0, int x0) {
        int h = images.height(), w = images.width();
        for (int c = 0; c < images.channels(); c++) {
            int src = ((n * images.channels()) + c) * h * w;
            for (int y = 0; y < h; y++) {
                System.arraycopy(
                        images.data(), src + y * w, grid, (c * gridH + y0 + y) * gridW + x0, w);
            }
        }
    }
}
