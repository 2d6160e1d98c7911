package sc.fiji.stylegan2.training.metrics;

import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.Random;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Fréchet distance and KID between a generator and the training data, on a {@link
 * FeatureExtractor}: the real side ({@code n} images drawn once without replacement, or all when
 * fewer) is embedded once at construction, each {@link #evaluate} then generates {@code n} images
 * from seeds {@code 0..n−1} (z from numpy's RandomState as the official {@code generate.py}, ψ = 1)
 * and compares.
 *
 * <p>Deviations from the official {@code metric_utils}: generated images use constant noise ({@code
 * noise_mode='const'}) and fixed seeds, so the metric of a given network is reproducible; they are
 * clamped to [-1, 1] but not quantized to 8 bits, since training data need not be 8-bit; and the
 * real side is a fixed subset rather than the whole dataset.
 */
public final class Evaluator {

    /**
     * One evaluation.
     *
     * @param fd Fréchet distance
     * @param kid kernel inception distance
     * @param realCount real images used
     * @param fakeCount generated images used
     * @param seconds wall time of the evaluation
     * @param note how images were adapted to the feature extractor, or null
     */
    public record Result(
            double fd, double kid, int realCount, int fakeCount, double seconds, String note) {}

    private final FeatureExtractor extractor;
    private final int channels;
    private final int resolution;
    private final int count;
    private final float[] realFeatures;
    private final FeatureStatistics realStats;
    private final String note;
    private final long seed;

    /**
     * Embeds {@code n} real images of {@code data}, chosen with {@code seed}. With the built-in
     * extractor the result notes how images of other shapes were adapted ({@link
     * FashionFeatures#conversionNote}).
     */
    public Evaluator(FeatureExtractor extractor, TrainingData data, int n, long seed) {
        this.extractor = extractor;
        this.channels = data.channels();
        this.resolution = data.resolution();
        this.count = Math.min(n, data.size());
        this.seed = seed;
        this.note =
                extractor instanceof FashionFeatures
                        ? FashionFeatures.conversionNote(channels, resolution)
                        : null;
        int per = channels * resolution * resolution;
        float[] images = new float[count * per];
        int[] pick = sample(data.size(), count, new Random(seed));
        for (int i = 0; i < count; i++) {
            data.copyImage(pick[i], images, i * per);
        }
        this.realFeatures = extractor.features(images, count, channels, resolution);
        this.realStats = FeatureStatistics.of(realFeatures, count, extractor.dimension());
    }

    /** Number of real (and generated) images per evaluation. */
    public int count() {
        return count;
    }

    /** FD and KID of {@code count()} images of a model's generator ({@code G_ema}). */
    public Result evaluate(StyleGAN2Model model, int batchSize) {
        return evaluate(model.generator(), model.manager(), batchSize);
    }

    /**
     * FD and KID of {@code count()} images of {@code generator}; {@code manager} makes its inputs.
     */
    public Result evaluate(Generator generator, NDManager manager, int batchSize) {
        GeneratorConfig cfg = generator.config();
        if (cfg.imgChannels() != channels || cfg.resolution() != resolution) {
            throw new IllegalArgumentException(
                    "the generator makes "
                            + cfg.imgChannels()
                            + " x "
                            + cfg.resolution()
                            + " px images but the data are "
                            + channels
                            + " x "
                            + resolution
                            + " px");
        }
        long start = System.nanoTime();
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = i;
        }
        ImageGenerator gen = new ImageGenerator(generator, new IntensityMapping(1, 0), manager);
        float[] ws = gen.mapSeeds(seeds, 1, null);
        float[] images =
                gen.synthesize(
                                ws,
                                Collections.nCopies(count, ""),
                                SynthesisOptions.of(NoiseMode.CONST),
                                OutputRange.RAW,
                                batchSize,
                                ProgressListener.NONE)
                        .data();
        for (int i = 0; i < images.length; i++) {
            images[i] = Math.max(-1f, Math.min(1f, images[i]));
        }
        return evaluate(images, count, start);
    }

    /** FD and KID of images already made ({@code n} NCHW in [-1, 1], the data's shape). */
    public Result evaluate(float[] images, int n) {
        return evaluate(images, n, System.nanoTime());
    }

    private Result evaluate(float[] images, int n, long start) {
        int dim = extractor.dimension();
        float[] fake = extractor.features(images, n, channels, resolution);
        double fd = FrechetDistance.between(FeatureStatistics.of(fake, n, dim), realStats);
        double kid = KernelInceptionDistance.between(fake, n, realFeatures, count, dim, seed);
        return new Result(fd, kid, count, n, (System.nanoTime() - start) / 1e9, note);
    }

    /** The first {@code k} of a random permutation of {@code 0..n−1} (the real images chosen). */
    static int[] sample(int n, int k, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, k);
    }
}
