package sc.fiji.stylegan2.model.image;

import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * How user images become model inputs, the one policy shared by the projector's targets and training
 * images, so that a projected micrograph is seen as the model saw its data:
 *
 * <ol>
 *   <li>centre crop to the largest square (an odd excess drops the extra row/column at the end);
 *   <li>resize to the model resolution with the bilinear (triangle) filter, widened by the scale factor when
 *       shrinking so every input pixel contributes (PIL's {@code Image.resize(..., BILINEAR)}; a plain
 *       bilinear lookup at half-pixel centres when enlarging; the identity at the same size);
 *   <li>intensity normalisation with the model's {@link IntensityMapping}: {@code x = (y - offset) / scale}
 *       (official 8-bit models: {@code x = y / 127.5 - 1}, minus half a grey level, as their generator output
 *       is mapped back with {@code x * 127.5 + 128}).
 * </ol>
 *
 * <p>Deviation: the official {@code dataset_tool.py} resizes with PIL's Lanczos filter. Bilinear is used
 * here because it never overshoots (microscopy intensities stay inside the data range) and it is cheap; the
 * difference matters only for images far larger than the model.
 */
public final class ImagePreprocessing {

    private ImagePreprocessing() {}

    /**
     * Crops, resizes and normalises every image for a model of {@code resolution} px and {@code channels}.
     *
     * @param key the parameter key for messages, e.g. {@code target}
     * @throws IllegalArgumentException naming {@code key}: no images, an empty image, a wrong channel count,
     *     or values that are not finite numbers
     */
    public static PlanarImages toModelInput(PlanarImages images, int resolution, int channels,
            IntensityMapping intensity, String key) {
        if (images.count() == 0 || images.width() == 0 || images.height() == 0) {
            throw new IllegalArgumentException(key + " is empty (" + images.width() + "x" + images.height() + ", "
                    + images.count() + " image(s)): give an image with pixels");
        }
        if (images.channels() != channels) {
            throw new IllegalArgumentException(key + " has " + images.channels() + " channel(s), but the model makes "
                    + channels + "-channel images: give a " + (channels == 1 ? "grayscale" : channels == 3
                    ? "RGB or 3-channel" : channels + "-channel") + " image");
        }
        for (float v : images.data()) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(key + " contains NaN or infinite values; replace them first");
            }
        }
        PlanarImages out = resize(centerCropSquare(images), resolution);
        intensity.invert(out.data());
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
                System.arraycopy(in.data(), (p * in.height() + y0 + y) * in.width() + x0, out, (p * size + y) * size,
                        size);
            }
        }
        return new PlanarImages(out, in.count(), in.channels(), size, size, in.labels());
    }

    /** Resizes square images to {@code size x size} with the (scale-widened) triangle filter, separably. */
    public static PlanarImages resize(PlanarImages in, int size) {
        if (in.width() == size && in.height() == size) {
            return new PlanarImages(in.data().clone(), in.count(), in.channels(), size, size, in.labels());
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
     * The 1-D resampling weights from {@code in} to {@code out} samples: output sample i is centred at input
     * coordinate {@code c = (i + 0.5) s} with {@code s = in / out}; input sample j (centred at j + 0.5) gets
     * weight {@code tri((j + 0.5 - c) / r)}, {@code tri(u) = max(0, 1 - |u|)}, radius {@code r = max(1, s)};
     * the weights of each output are normalised to sum 1.
     */
    private record Taps(int[] first, float[][] weights) {

        static Taps of(int in, int out) {
            double scale = (double) in / out;
            double radius = Math.max(1, scale);
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(center - radius));
                int hi = Math.min(in - 1, (int) Math.ceil(center + radius));
                double[] w = new double[hi - lo + 1];
                double sum = 0;
                for (int j = lo; j <= hi; j++) {
                    w[j - lo] = Math.max(0, 1 - Math.abs((j + 0.5 - center) / radius));
                    sum += w[j - lo];
                }
                first[i] = lo;
                weights[i] = new float[w.length];
                for (int k = 0; k < w.length; k++) {
                    weights[i][k] = (float) (w[k] / sum);
                }
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
