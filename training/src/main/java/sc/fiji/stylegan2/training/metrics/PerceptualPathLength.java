package sc.fiji.stylegan2.training.metrics;

import java.util.Random;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.explore.LatentSpace;

/**
 * Perceptual path length (StyleGAN, Karras et al. 2019, Sec. 4.1; the metric StyleGAN2's path
 * length regularisation optimises, StyleGAN2 Sec. 3.2), as the official stylegan2-ada {@code
 * metrics/perceptual_path_length.py}: for each of N paths draw z₀, z₁ ~ N(0, I) and t, take the two
 * points t and t + ε of the path (slerp of z in Z, lerp of w in W), synthesise both with the same
 * constant noise (fresh per batch), optionally cut the centre, shrink to 256 px at most, and
 * measure
 *
 * <pre>  d = Σ (f(x₀) − f(x₁))² / ε²</pre>
 *
 * on a perceptual feature network f; the metric is the mean of the d between their 1st ({@code
 * lower}) and 99th ({@code higher}) percentile ({@link Percentiles#between1And99}).
 *
 * <p>The feature network: the official VGG16 LPIPS (a TorchScript file, {@link TorchScriptFeatures}
 * given 3-channel images in 0..255, {@link Input#BYTE_RANGE}), or the built-in offline {@link
 * FashionFeatures} (images in [-1, 1], {@link Input#SIGNED}). Deviations: values on the built-in
 * features are not comparable with published PPLs (other features, other scale); draws come from
 * Java's {@link Random} with the options' seed, not torch's generator; a conditional model's
 * classes are drawn uniformly, where the official code draws the labels of random dataset images.
 */
public final class PerceptualPathLength {

    /** How images are given to the feature network. */
    public enum Input {
        /** As generated, about [-1, 1] (the built-in features). */
        SIGNED,
        /** {@code (x + 1) · 255/2}, float, as the official call of the VGG16 LPIPS network. */
        BYTE_RANGE
    }

    /**
     * One measurement.
     *
     * @param metric the official name, e.g. {@code ppl_wend}
     * @param ppl the mean distance between the 1st and 99th percentile
     * @param samples paths measured
     * @param kept paths between the percentiles
     * @param seconds wall time
     */
    public record Result(String metric, double ppl, int samples, int kept, double seconds) {}

    /** The largest side the official code measures at: larger images are box-filtered down. */
    public static final int MAX_RESOLUTION = 256;

    private final PerceptualDistance distance;

    /**
     * @param features the perceptual feature network f
     * @param input how images are given to it
     */
    public PerceptualPathLength(FeatureExtractor features, Input input) {
        this.distance = new PerceptualDistance(features, input);
    }

    /**
     * The path length of {@code generator}.
     *
     * @return the result, or null when {@code progress} was canceled first
     */
    public Result compute(PathGenerator generator, PathLengthOptions o, ProgressListener progress) {
        long start = System.nanoTime();
        double[] distances = new double[o.samples()];
        Random random = new Random(o.seed());
        for (int done = 0; done < o.samples(); ) {
            if (progress.isCanceled()) {
                return null;
            }
            int b = Math.min(o.batchSize(), o.samples() - done);
            double[] d = distances(generator, o, b, random);
            System.arraycopy(d, 0, distances, done, b);
            done += b;
            progress.progress(
                    done, o.samples(), o.metricName() + ": " + done + "/" + o.samples() + " paths");
        }
        double[] kept = Percentiles.between1And99(distances);
        double sum = 0;
        for (double d : kept) {
            sum += d;
        }
        return new Result(
                o.metricName(),
                sum / kept.length,
                o.samples(),
                kept.length,
                (System.nanoTime() - start) / 1e9);
    }

    /** The distances d of {@code b} paths: one batch of 2b images (the t and t + ε halves). */
    double[] distances(PathGenerator g, PathLengthOptions o, int b, Random random) {
        // official: t = rand([N]) · (1 if full else 0): drawn either way, so full and end walk
        // the same paths
        double[] t = new double[b];
        for (int i = 0; i < b; i++) {
            float u = random.nextFloat();
            t[i] = o.sampling() == PathSampling.FULL ? u : 0;
        }
        int zDim = g.zDim();
        float[] z = new float[2 * b * zDim]; // [z₀ of every path; z₁ of every path]
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) random.nextGaussian();
        }
        int[] classes = null;
        if (g.classCount() > 0) {
            classes = new int[2 * b];
            for (int i = 0; i < b; i++) {
                classes[i] =
                        classes[b + i] =
                                o.classIndex() != null
                                        ? o.classIndex()
                                        : random.nextInt(g.classCount());
            }
        }
        float[] ws = pairLatents(g, o, b, t, z, classes);
        float[] images = g.synthesis(ws, 2 * b, random.nextLong());
        double[] d = distance.pairs(images, b, g.channels(), g.resolution(), o.crop());
        for (int i = 0; i < b; i++) {
            // d = Σ (f(x₀) − f(x₁))² / ε²
            d[i] /= o.epsilon() * o.epsilon();
        }
        return d;
    }

    /** ws {@code [2b, num_ws, w_dim]}: the points t of every path, then the points t + ε. */
    private static float[] pairLatents(
            PathGenerator g, PathLengthOptions o, int b, double[] t, float[] z, int[] classes) {
        int zDim = g.zDim();
        if (o.space() == LatentSpace.W) {
            int per = g.numWs() * g.wDim();
            float[] w = g.mapping(z, 2 * b, classes);
            float[] ws = new float[w.length];
            for (int i = 0; i < b; i++) {
                float[] w0 = slice(w, i, per), w1 = slice(w, b + i, per);
                System.arraycopy(lerp(w0, w1, t[i]), 0, ws, i * per, per);
                System.arraycopy(lerp(w0, w1, t[i] + o.epsilon()), 0, ws, (b + i) * per, per);
            }
            return ws;
        }
        float[] zt = new float[z.length];
        for (int i = 0; i < b; i++) {
            float[] z0 = slice(z, i, zDim), z1 = slice(z, b + i, zDim);
            System.arraycopy(slerp(z0, z1, t[i]), 0, zt, i * zDim, zDim);
            System.arraycopy(slerp(z0, z1, t[i] + o.epsilon()), 0, zt, (b + i) * zDim, zDim);
        }
        return g.mapping(zt, 2 * b, classes);
    }

    private static float[] slice(float[] v, int row, int len) {
        float[] out = new float[len];
        System.arraycopy(v, row * len, out, 0, len);
        return out;
    }

    /** Linear interpolation, {@code lerp(a, b; t) = a + t (b − a)} (torch.lerp). */
    public static float[] lerp(float[] a, float[] b, double t) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in length: " + a.length + " vs " + b.length);
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            // lerp(a, b; t) = a + t (b − a)
            out[i] = (float) (a[i] + t * (b[i] - a[i]));
        }
        return out;
    }

    /**
     * Spherical interpolation of directions as the official PPL: with â, b̂ the unit vectors, θ =
     * acos(â·b̂) and ĉ the unit vector of b̂ − (â·b̂) â (b̂'s part orthogonal to â), the unit
     * vector {@code â cos(tθ) + ĉ sin(tθ)}. Its length is 1 whatever the lengths of a and b (the
     * mapping network normalises z anyway); a = b gives â.
     */
    public static float[] slerp(float[] a, float[] b, double t) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in length: " + a.length + " vs " + b.length);
        }
        double[] ua = unit(a), ub = unit(b);
        double dot = 0;
        for (int i = 0; i < ua.length; i++) {
            dot += ua[i] * ub[i];
        }
        dot = Math.max(-1, Math.min(1, dot));
        double[] c = new double[ua.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = ub[i] - dot * ua[i];
        }
        double cn = norm(c);
        // p = t θ, θ = acos(â·b̂)
        double p = t * Math.acos(dot);
        float[] out = new float[a.length];
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = ua[i] * Math.cos(p) + (cn == 0 ? 0 : c[i] / cn * Math.sin(p));
        }
        double dn = norm(d);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (d[i] / dn);
        }
        return out;
    }

    private static double[] unit(float[] v) {
        double[] out = new double[v.length];
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        n = Math.sqrt(n);
        if (n == 0) {
            throw new IllegalArgumentException("cannot take the direction of a zero vector");
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * Images as the feature network sees them.
     *
     * @param images {@code [n, C, side, side]}
     * @param side after the crop and the shrink
     */
    record Measured(float[] images, int side) {}

    /**
     * The official preparation: centre crop (rows 3/8..7/8, columns 2/8..6/8), then a box filter by
     * {@code resolution / 256} when the generator's resolution is above 256, then the input range.
     */
    static Measured measured(
            float[] images, int n, int channels, int resolution, boolean crop, Input input) {
        int side = resolution, y0 = 0, x0 = 0;
        if (crop) {
            int c = resolution / 8;
            side = 4 * c;
            y0 = 3 * c;
            x0 = 2 * c;
        }
        int factor = Math.max(1, resolution / MAX_RESOLUTION);
        int out = side / factor;
        float[] result = new float[n * channels * out * out];
        for (int p = 0; p < n * channels; p++) {
            for (int y = 0; y < out; y++) {
                for (int x = 0; x < out; x++) {
                    double s = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        int row = (p * resolution + y0 + y * factor + dy) * resolution;
                        for (int dx = 0; dx < factor; dx++) {
                            s += images[row + x0 + x * factor + dx];
                        }
                    }
                    double v = s / (factor * factor);
                    // official: img = (img + 1) · (255 / 2)
                    result[(p * out + y) * out + x] =
                            (float) (input == Input.BYTE_RANGE ? (v + 1) * (255.0 / 2) : v);
                }
            }
        }
        return new Measured(result, out);
    }
}
