package sc.fiji.stylegan2.training.data;

/**
 * Separable resampling of image planes: area averaging when shrinking (every source pixel
 * contributes in proportion to its overlap with the target pixel, as OpenCV's {@code INTER_AREA}
 * and PIL's box filter), bilinear interpolation with half-pixel centres when enlarging ({@code
 * align_corners=False}), a copy at equal size.
 *
 * <p>Deviation: the official {@code dataset_tool.py} resizes with PIL's Lanczos filter; area
 * averaging is exact for integer factors, weighs every source pixel, and never rings (no values
 * outside the data range, which matters for the stored intensity range).
 */
public final class Resize {

    private Resize() {}

    /** The taps of one axis: for each target index, the source indices and weights that make it. */
    private record Taps(int[][] index, float[][] weight) {}

    /** Resizes {@code channels} planes of {@code h x w} (CHW) to {@code dstH x dstW}. */
    public static float[] planes(float[] src, int channels, int h, int w, int dstH, int dstW) {
        if (h == dstH && w == dstW) {
            return src.clone();
        }
        Taps tx = taps(w, dstW), ty = taps(h, dstH);
        float[] out = new float[channels * dstH * dstW];
        float[] rows = new float[h * dstW];
        for (int c = 0; c < channels; c++) {
            // Along x: [h, w] -> [h, dstW].
            for (int y = 0; y < h; y++) {
                resample(src, c * h * w + y * w, 1, tx, rows, y * dstW, 1);
            }
            // Along y: [h, dstW] -> [dstH, dstW], one column at a time.
            for (int x = 0; x < dstW; x++) {
                resample(rows, x, dstW, ty, out, c * dstH * dstW + x, dstW);
            }
        }
        return out;
    }

    private static void resample(
            float[] src,
            int srcOff,
            int srcStride,
            Taps taps,
            float[] dst,
            int dstOff,
            int dstStride) {
        for (int i = 0; i < taps.index.length; i++) {
            int[] idx = taps.index[i];
            float[] wt = taps.weight[i];
            double acc = 0;
            for (int k = 0; k < idx.length; k++) {
                acc += wt[k] * src[srcOff + idx[k] * srcStride];
            }
            dst[dstOff + i * dstStride] = (float) acc;
        }
    }

    private static Taps taps(int src, int dst) {
        return dst < src ? areaTaps(src, dst) : bilinearTaps(src, dst);
    }

    /**
     * Target pixel i covers source interval [i·s, (i+1)·s) with s = src/dst; weights are overlaps /
     * s.
     */
    private static Taps areaTaps(int src, int dst) {
        double s = (double) src / dst;
        int[][] index = new int[dst][];
        float[][] weight = new float[dst][];
        for (int i = 0; i < dst; i++) {
            double lo = i * s, hi = (i + 1) * s;
            int first = (int) Math.floor(lo), last = Math.min(src - 1, (int) Math.ceil(hi) - 1);
            index[i] = new int[last - first + 1];
            weight[i] = new float[last - first + 1];
            for (int j = first; j <= last; j++) {
                double overlap = Math.min(hi, j + 1) - Math.max(lo, j);
                index[i][j - first] = j;
                weight[i][j - first] = (float) (overlap / s);
            }
        }
        return new Taps(index, weight);
    }

    /** Source coordinate of target pixel i: x = (i + ½)·src/dst − ½, clamped to the image. */
    private static Taps bilinearTaps(int src, int dst) {
        int[][] index = new int[dst][];
        float[][] weight = new float[dst][];
        for (int i = 0; i < dst; i++) {
            double x = Math.min(src - 1, Math.max(0, (i + 0.5) * src / dst - 0.5));
            int j0 = (int) Math.floor(x), j1 = Math.min(j0 + 1, src - 1);
            float f = (float) (x - j0);
            index[i] = new int[] {j0, j1};
            weight[i] = new float[] {1 - f, f};
        }
        return new Taps(index, weight);
    }
}
