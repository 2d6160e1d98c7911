package sc.fiji.stylegan2.model.explore;

import java.util.List;

/**
 * Every layer's activations at one glance: a grid of equal tiles in forward order, one per layer,
 * each the mean magnitude over the layer's channels, {@code mean_c |a_c(x, y)|}, brought to the
 * common tile size (nearest neighbour up, box average down; layer sizes are powers of two) and
 * divided by the tile's own maximum, so that layers of very different scales share one display
 * range (0..1). A droplet (StyleGAN2 paper, Sec. 2) shows as a bright spot that persists over
 * several layers.
 *
 * @param pixels row-major {@code height * width}
 * @param columns tiles per row; tile i sits at row {@code i / columns}, column {@code i % columns}
 */
public record ActivationMontage(float[] pixels, int width, int height, int tile, int columns) {

    /**
     * @param activations each layer's activation {@code [1, C, r, r]} values (C order), forward
     *     order
     * @param shapes the matching shapes
     * @param tile the common tile size, a power of two
     */
    public static ActivationMontage of(List<float[]> activations, List<long[]> shapes, int tile) {
        int n = activations.size();
        if (n == 0 || shapes.size() != n || tile < 1 || Integer.bitCount(tile) != 1) {
            throw new IllegalArgumentException(
                    "need one shape per layer, at least one layer, a power-of-two tile");
        }
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + columns - 1) / columns;
        int width = columns * tile, height = rows * tile;
        float[] pixels = new float[width * height];
        for (int i = 0; i < n; i++) {
            float[] map =
                    resize(
                            meanMagnitude(activations.get(i), shapes.get(i)),
                            (int) shapes.get(i)[3],
                            tile);
            scaleToMax(map);
            int x0 = (i % columns) * tile, y0 = (i / columns) * tile;
            for (int y = 0; y < tile; y++) {
                System.arraycopy(map, y * tile, pixels, (y0 + y) * width + x0, tile);
            }
        }
        return new ActivationMontage(pixels, width, height, tile, columns);
    }

    /** {@code mean_c |a_c|} of the first image, row-major r x r. */
    static float[] meanMagnitude(float[] values, long[] shape) {
        int channels = (int) shape[1];
        int plane = (int) (shape[2] * shape[3]);
        float[] out = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                out[p] += Math.abs(values[c * plane + p]) / channels;
            }
        }
        return out;
    }

    /** Square power-of-two map of side {@code size} to side {@code target}. */
    static float[] resize(float[] map, int size, int target) {
        float[] out = new float[target * target];
        if (target >= size) {
            int f = target / size;
            for (int y = 0; y < target; y++) {
                for (int x = 0; x < target; x++) {
                    out[y * target + x] = map[(y / f) * size + x / f];
                }
            }
        } else {
            int f = size / target;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    out[(y / f) * target + x / f] += map[y * size + x] / (f * f);
                }
            }
        }
        return out;
    }

    private static void scaleToMax(float[] map) {
        float max = 0;
        for (float v : map) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < map.length; i++) {
                map[i] /= max;
            }
        }
    }
}
