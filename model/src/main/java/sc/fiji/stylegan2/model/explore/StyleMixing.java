package sc.fiji.stylegan2.model.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * Style mixing (StyleGAN paper, Karras et al. 2019, Sec. 3.1, Fig. 3; official {@code
 * style_mixing.py}): the image of a row seed with some of its per-layer latents replaced by those
 * of a column seed, {@code w[col_styles] = w_col[col_styles]}. All arrays are C-order {@code [N,
 * num_ws, w_dim]}.
 */
public final class StyleMixing {

    private StyleMixing() {}

    /**
     * The ws of every cell of the mixing grid, row-major (cell {@code r * cols + c}): row {@code
     * r}'s ws with the {@code colStyles} indices taken from column {@code c}.
     *
     * @param rowWs {@code [rows, num_ws, w_dim]}
     * @param colWs {@code [cols, num_ws, w_dim]}
     * @param colStyles ws indices taken from the column, each in {@code 0..num_ws-1}
     * @return {@code [rows * cols, num_ws, w_dim]}
     */
    public static float[] mix(float[] rowWs, float[] colWs, int[] colStyles, int numWs, int wDim) {
        int perImage = numWs * wDim;
        if (rowWs.length % perImage != 0 || colWs.length % perImage != 0) {
            throw new IllegalArgumentException("ws must be [N, " + numWs + ", " + wDim + "]");
        }
        int rows = rowWs.length / perImage;
        int cols = colWs.length / perImage;
        float[] out = new float[rows * cols * perImage];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int cell = (r * cols + c) * perImage;
                System.arraycopy(rowWs, r * perImage, out, cell, perImage);
                for (int style : colStyles) {
                    if (style < 0 || style >= numWs) {
                        throw new IllegalArgumentException(
                                "style index " + style + " is outside 0.." + (numWs - 1));
                    }
                    System.arraycopy(
                            colWs, c * perImage + style * wDim, out, cell + style * wDim, wDim);
                }
            }
        }
        return out;
    }

    /**
     * The latents of every cell, row-major, as {@link #mix(float[], float[], int[], int, int)}; a
     * cell keeps its row's noise maps (only the styles come from the column), so a row that is a
     * projection keeps its texture. Without noise maps in the rows the cells have none.
     */
    public static Latents mix(Latents rows, Latents cols, int[] colStyles) {
        if (rows.numWs() != cols.numWs() || rows.wDim() != cols.wDim()) {
            throw new IllegalArgumentException("rows and columns have latents of different shapes");
        }
        float[] ws = mix(rows.ws(), cols.ws(), colStyles, rows.numWs(), rows.wDim());
        int n = cols.count();
        Map<String, float[]> noise = new LinkedHashMap<>();
        rows.noise()
                .forEach(
                        (layer, maps) -> {
                            int size = maps.length / rows.count();
                            float[] cells = new float[rows.count() * n * size];
                            for (int r = 0; r < rows.count(); r++) {
                                for (int c = 0; c < n; c++) {
                                    System.arraycopy(
                                            maps, r * size, cells, (r * n + c) * size, size);
                                }
                            }
                            noise.put(layer, cells);
                        });
        return new Latents(rows.count() * n, rows.numWs(), rows.wDim(), ws, noise);
    }
}
