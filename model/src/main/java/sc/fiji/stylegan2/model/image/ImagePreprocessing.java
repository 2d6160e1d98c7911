package sc.fiji.stylegan2.model.image;

import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * How user images become model inputs, the one policy shared by the projector's targets and
 * training images, so that a projected micrograph is seen as the model saw its data:
 *
 * <ol>
 *   <li>centre crop to the largest square (an odd excess drops the extra row/column at the end);
 *   <li>resize to the model resolution: area averaging when shrinking (each output pixel is the
 *       mean of the input area it covers, weighted by overlap), bilinear interpolation between
 *       pixel centres when enlarging ({@code align_corners=False}, clamped at the border), the
 *       identity at the same size;
 *   <li>intensity normalisation with the model's {@link IntensityMapping}: {@code x = (y - offset)
 *       / scale} (official 8-bit models: {@code x = y / 127.5 - 1}, minus half a grey level, as
 *       their generator output is mapped back with {@code x * 127.5 + 128}).
 * </ol>
 *
 * <p>This is the policy of the training data ({@code training.data.SquarePolicy.CENTER_CROP} and
 * {@code training.data.Resize}; the model module cannot depend on training, so a parity test in the
 * training module holds the two to the same numbers).
 *
 * <p>Deviation: the official {@code dataset_tool.py} resizes with PIL's Lanczos filter. Area and
 * bilinear weights are never negative, so microscopy intensities stay inside the data range (no
 * ringing).
 */
public final class ImagePreprocessing {

    private ImagePreprocessing() {}

    /**
     * Crops, resizes and normalises every image for a model of {@code resolution} px and {@code
     * channels}.
     *
     * @param key the parameter key for messages, e.g. {@code target}
     * @throws IllegalArgumentException naming {@code key}: no images, an empty image, a wrong
     *     channel count, or values that are not finite numbers
     */
    public static PlanarImages toModelInput(
            PlanarImages images,
            int resolution,
            int channels,
            IntensityMapping intensity,
            String key) {
        if (images.count() == 0 || images.width() == 0 || images.height() == 0) {
            throw new IllegalArgumentException(
                    key
                            + " is empty ("
                            + images.width()
                            + "x"
                            + images.height()
                            + ", "
                            + images.count()
                            + " image(s)): give an image with pixels");
        }
        if (images.channels() != channels) {
            throw new IllegalArgumentException(
                    key
                            + " has "
                            + images.channels()
                            + " channel(s), but the model makes "
                            + channels
                            + "-channel images: give a "
                            + (channels == 1
                                    ? "grayscale"
                                    : channels == 3 ? "RGB or 3-channel" : channels + "-channel")
                            + " image");
        }
        for (float v : images.data()) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(
                        key + " contains NaN or infinite values; replace them first");
            }
        }
        PlanarImages out = resize(centerCropSquare(images), resolution);
        intensity.invert(out.data(), out.height() * out.width());
        return out;
    }

    /** The largest centred square of every image. */
    public static PlanarImages centerCropSquare(PlanarImages in) {
        int size = Math.min(in.width(), in.height());
        if (in.width() == in.height()) {
            return in;
        }
        int x0 = (in.width() - size) / 2;
        int y0 = (in.height() - size) / 2;
        int planes = in.count() * in.channels();
        float[] out = new float[planes * size * size];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(
                        in.data(),
                        (p * in.height() + y0 + y) * in.width() + x0,
                        out,
                        (p * size + y) * size,
                        size);
            }
        }
        return new PlanarImages(out, in.count(), in.channels(), size, size, in.labels());
    }

    /**
     * Resizes square images to {@code size x size} (area when shrinking, bilinear when enlarging),
     * separably.
     */
    public static PlanarImages resize(PlanarImages in, int size) {
        if (in.width() == size && in.height() == size) {
            return new PlanarImages(
                    in.data().clone(), in.count(), in.channels(), size, size, in.labels());
        }
        Taps rows = Taps.of(in.height(), size);
        Taps cols = Taps.of(in.width(), size);
        int planes = in.count() * in.channels();
        float[] out = new float[planes * size * size];
        float[] tmp = new float[in.height() * size];
        for (int p = 0; p < planes; p++) {
            int src = p * in.height() * in.width();
            for (int y = 0; y < in.height(); y++) { // horizontal pass: [H, W] -> [H, size]
                cols.apply(in.data(), src + y * in.width(), 1, tmp, y * size, 1);
            }
            for (int x = 0; x < size; x++) { // vertical pass: [H, size] -> [size, size]
                rows.apply(tmp, x, size, out, p * size * size + x, size);
            }
        }
        return new PlanarImages(out, in.count(), in.channels(), size, size, in.labels());
    }

    /**
     * The 1-D resampling weights from {@code in} to {@code out} samples: output i = Σ_k w[i][k] ·
     * input[first[i] + k].
     */
    private record Taps(int[] first, float[][] weights) {

        static Taps of(int in, int out) {
            return out < in ? area(in, out) : bilinear(in, out);
        }

        /** Output i covers input [i·s, (i+1)·s) with s = in/out; input j weighs its overlap / s. */
        private static Taps area(int in, int out) {
            double s = (double) in / out;
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double lo = i * s, hi = (i + 1) * s;
                first[i] = (int) Math.floor(lo);
                int last = Math.min(in - 1, (int) Math.ceil(hi) - 1);
                weights[i] = new float[last - first[i] + 1];
                for (int j = first[i]; j <= last; j++) {
                    weights[i][j - first[i]] =
                            (float) ((Math.min(hi, j + 1) - Math.max(lo, j)) / s);
                }
            }
            return new Taps(first, weights);
        }

        /**
         * Output i sits at input coordinate x = (i + ½)·in/out − ½, clamped to [0, in − 1], between
         * two pixels.
         */
        private static Taps bilinear(int in, int out) {
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double x = Math.min(in - 1, Math.max(0, (i + 0.5) * in / out - 0.5));
                first[i] = (int) Math.floor(x);
                float f = (float) (x - first[i]);
                weights[i] = first[i] + 1 < in ? new float[] {1 - f, f} : new float[] {1};
            }
            return new Taps(first, weights);
        }

        /** dst[dstOff + i·dstStride] = Σ_k w[i][k] · src[srcOff + (first[i] + k)·srcStride]. */
        void apply(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
            for (int i = 0; i < first.length; i++) {
                double acc = 0;
                float[] w = weights[i];
                for (int k = 0; k < w.length; k++) {
                    acc += w[k] * src[srcOff + (first[i] + k) * srcStride];
                }
                dst[dstOff + i * dstStride] = (float) acc;
            }
        }
    }
}
