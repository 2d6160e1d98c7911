package sc.fiji.stylegan2.plugin.task;

import ij.measure.ResultsTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.metrics.Evaluator;
import sc.fiji.stylegan2.training.metrics.FashionFeatures;
import sc.fiji.stylegan2.training.metrics.FeatureExtractor;
import sc.fiji.stylegan2.training.metrics.GeneratorPath;
import sc.fiji.stylegan2.training.metrics.LinearSeparability;
import sc.fiji.stylegan2.training.metrics.PathLengthOptions;
import sc.fiji.stylegan2.training.metrics.PerceptualPathLength;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution;
import sc.fiji.stylegan2.training.metrics.TorchScriptFeatures;

/**
 * The work behind Evaluate Model, free of SciJava: Fréchet distance and KID of the model's images
 * against the user's (prepared as for training), and the perceptual path length ({@code ppl_zfull},
 * {@code ppl_wfull}, {@code ppl_zend}, {@code ppl_wend}), a conditional model's linear
 * separability, each resolution's toRGB share, and the projection distances of generated and real
 * images, as one results table (and for the projection distances a histogram table and plot).
 */
public final class EvaluationTask {

    /** The metric names {@code metrics} accepts, in the order they run. */
    public static final List<String> METRICS =
            List.of(
                    "fd",
                    "kid",
                    "ppl_zfull",
                    "ppl_wfull",
                    "ppl_zend",
                    "ppl_wend",
                    "linear_separability",
                    "torgb_contribution",
                    "projection_distance");

    /** The metric of a conditional model's classes, reported as two rows (z and w). */
    public static final String LINEAR_SEPARABILITY = "linear_separability";

    /** Each resolution's share of the output (StyleGAN2 Fig. 8), one row per block. */
    public static final String TORGB_CONTRIBUTION = "torgb_contribution";

    /**
     * Generated vs real images by their projection distances (StyleGAN2 Fig. 10): summary rows and
     * a histogram ({@link ProjectionDistanceTask}).
     */
    public static final String PROJECTION_DISTANCE = "projection_distance";

    /** Column headings of the results table. */
    public static final String METRIC = "metric",
            VALUE = "value",
            SAMPLES = "samples",
            REAL = "real images",
            FEATURES = "features",
            SECONDS = "seconds",
            NOTE = "note";

    /**
     * What to measure.
     *
     * @param metrics names from {@link #METRICS}
     * @param samples PPL paths; generated (and at most as many real) images for FD and KID
     * @param featureFile TorchScript FD/KID features (the official Inception convention), or null
     *     for the built-in network
     * @param lpipsFile TorchScript LPIPS features for PPL (3 channels, 0..255), or null for the
     *     built-in network
     * @param crop PPL's centre crop
     * @param seed seeds every draw
     * @param batchSize images (FD, KID, projection targets) or paths (PPL) per batch
     * @param condition the class of every generated image (a class index or name), or empty
     * @param projectionImages the most generated (and real) images projection_distance projects; it
     *     projects {@code min(samples, projectionImages)} of each
     * @param projectionSteps projection_distance's optimisation steps per image
     */
    public record Request(
            List<String> metrics,
            int samples,
            Path featureFile,
            Path lpipsFile,
            boolean crop,
            long seed,
            int batchSize,
            String condition,
            int projectionImages,
            int projectionSteps) {}

    /**
     * What an evaluation gives.
     *
     * @param results one row per metric (several for some)
     * @param histogram with projection_distance, the bin counts of both sets, else null
     * @param histogramPlot with projection_distance, the histogram drawn, else null
     */
    public record Outcome(
            ResultsTable results, ResultsTable histogram, LabeledFloatImg histogramPlot) {}

    /** The real images at the model's resolution, read only when FD or KID is asked for. */
    public interface RealImages {
        TrainingData load(int resolution) throws IOException;
    }

    private EvaluationTask() {}

    /**
     * The metric names of {@code text} (comma-separated, case-insensitive, each once).
     *
     * @throws IllegalArgumentException naming {@code metrics} and the valid names
     */
    public static List<String> metrics(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            String m = part.trim().toLowerCase(Locale.ROOT);
            if (m.isEmpty()) {
                continue;
            }
            if (!METRICS.contains(m)) {
                throw new IllegalArgumentException(
                        "metrics: '"
                                + part.trim()
                                + "' is not a metric; give a comma list of "
                                + String.join(", ", METRICS));
            }
            out.add(m);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "metrics is empty: give a comma list of " + String.join(", ", METRICS));
        }
        List<String> ordered = new ArrayList<>(METRICS);
        ordered.retainAll(out);
        return ordered;
    }

    /** True when the metrics compare with real images (FD, KID or projection distances). */
    public static boolean needsImages(List<String> metrics) {
        return metrics.contains("fd")
                || metrics.contains("kid")
                || metrics.contains(PROJECTION_DISTANCE);
    }

    /**
     * Measures; returns the tables, or null when canceled.
     *
     * @throws IllegalArgumentException naming {@code images} when they do not fit the model
     */
    public static Outcome run(
            Path modelFile, Request req, RealImages reals, ProgressListener progress)
            throws IOException {
        ResultsTable table = new ResultsTable();
        table.showRowNumbers(false);
        ProjectionDistanceTask.Histogram histogram = null;
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            GeneratorConfig cfg = model.config();
            Integer classIndex = model.classes().parse(req.condition());
            if (classIndex != null
                    && (req.metrics().contains(LINEAR_SEPARABILITY)
                            || req.metrics().contains(TORGB_CONTRIBUTION))) {
                throw new IllegalArgumentException(
                        "condition: linear_separability and torgb_contribution measure over all"
                                + " classes; leave condition empty, or choose fd, kid or ppl_*");
            }
            if (req.metrics().contains(LINEAR_SEPARABILITY) && cfg.cDim() == 0) {
                throw new IllegalArgumentException(
                        "metrics: linear_separability measures how far a conditional model's classes"
                                + " can be told apart, and this model is unconditional; leave it out");
            }
            ProjectionDistanceTask projection =
                    req.metrics().contains(PROJECTION_DISTANCE)
                            ? new ProjectionDistanceTask(model, classIndex, req)
                            : null;
            TrainingData data = null;
            if (needsImages(req.metrics())) {
                data = reals.load(cfg.resolution());
                if (data.channels() != cfg.imgChannels()) {
                    throw new IllegalArgumentException(
                            "images have "
                                    + data.channels()
                                    + " channel(s) but the model makes "
                                    + cfg.imgChannels()
                                    + "; give images like its training data");
                }
            }
            if ((req.metrics().contains("fd") || req.metrics().contains("kid"))
                    && !frechet(model, classIndex, data, req, table, progress)) {
                return null;
            }
            for (String m : req.metrics()) {
                if (m.startsWith("ppl_")
                        && !pathLength(model, classIndex, m, req, table, progress)) {
                    return null;
                }
                if (m.equals(LINEAR_SEPARABILITY) && !separability(model, req, table, progress)) {
                    return null;
                }
                if (m.equals(TORGB_CONTRIBUTION) && !toRgb(model, req, table, progress)) {
                    return null;
                }
            }
            if (projection != null) {
                histogram = projection.run(data, table, progress);
                if (histogram == null) {
                    return null;
                }
            }
        }
        return histogram == null
                ? new Outcome(table, null, null)
                : new Outcome(table, histogram.table(), histogram.plot());
    }

    /** FD and KID rows; {@code classIndex} as {@link #generated}. */
    private static boolean frechet(
            StyleGAN2Model model,
            Integer classIndex,
            TrainingData data,
            Request req,
            ResultsTable table,
            ProgressListener progress)
            throws IOException {
        int res = model.config().resolution();
        try (FeatureExtractor f =
                req.featureFile() == null
                        ? FashionFeatures.load()
                        : TorchScriptFeatures.load(
                                req.featureFile(),
                                TorchScriptFeatures.Options.NVLABS_INCEPTION,
                                res)) {
            progress.progress(0, 1, "embedding up to " + req.samples() + " real images");
            Evaluator evaluator = new Evaluator(f, data, req.samples(), req.seed());
            float[] images =
                    generated(model, evaluator.count(), req.batchSize(), classIndex, progress);
            if (images == null) {
                return false;
            }
            Evaluator.Result r = evaluator.evaluate(images, evaluator.count());
            String features = featureName(req.featureFile(), r.note());
            String note = intensityNote(data, model);
            for (String m : req.metrics()) {
                if (m.equals("fd") || m.equals("kid")) {
                    row(
                            table,
                            m,
                            m.equals("fd") ? r.fd() : r.kid(),
                            r.fakeCount(),
                            r.realCount(),
                            features,
                            r.seconds(),
                            note);
                }
            }
            return true;
        }
    }

    /**
     * {@code n} images of seeds 0..n−1 (ψ = 1, const noise, clamped to [-1, 1], as {@link
     * Evaluator}); a conditional model's seed s gets {@code classIndex}, or class s mod c when it
     * is null (every class alike). Null when canceled.
     */
    static float[] generated(
            StyleGAN2Model model,
            int n,
            int batchSize,
            Integer classIndex,
            ProgressListener progress) {
        return generated(model, 0, n, batchSize, classIndex, progress);
    }

    /**
     * As {@link #generated(StyleGAN2Model, int, int, Integer, ProgressListener)}, of the seeds
     * {@code firstSeed .. firstSeed + n − 1} (modulo 2³², the seed range); image i is seed {@code
     * firstSeed + i} and, with {@code classIndex} null, of class i mod c.
     */
    static float[] generated(
            StyleGAN2Model model,
            long firstSeed,
            int n,
            int batchSize,
            Integer classIndex,
            ProgressListener progress) {
        ImageGenerator gen = model.imageGenerator();
        GeneratorConfig cfg = model.config();
        int per = cfg.numWs() * cfg.wDim();
        int classes = classIndex != null ? 1 : Math.max(1, cfg.cDim());
        float[] ws = new float[n * per];
        for (int k = 0; k < classes; k++) {
            List<Integer> index = new ArrayList<>();
            for (int i = k; i < n; i += classes) {
                index.add(i);
            }
            long[] s = index.stream().mapToLong(i -> (firstSeed + i) & 0xFFFFFFFFL).toArray();
            Integer c =
                    classIndex != null ? classIndex : cfg.cDim() > 0 ? Integer.valueOf(k) : null;
            float[] w = gen.mapSeeds(s, c, 1, null);
            for (int i = 0; i < s.length; i++) {
                System.arraycopy(w, i * per, ws, index.get(i) * per, per);
            }
        }
        GeneratedImages images =
                gen.synthesize(
                        ws,
                        Collections.nCopies(n, ""),
                        SynthesisOptions.of(NoiseMode.CONST),
                        OutputRange.RAW,
                        batchSize,
                        progress);
        if (images.count() < n) {
            return null;
        }
        float[] x = images.data();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1f, Math.min(1f, x[i]));
        }
        return x;
    }

    /** One path-length row; {@code classIndex} the class of every path, or null for any. */
    private static boolean pathLength(
            StyleGAN2Model model,
            Integer classIndex,
            String metric,
            Request req,
            ResultsTable table,
            ProgressListener progress)
            throws IOException {
        PathLengthOptions o =
                PathLengthOptions.ofMetric(metric, req.samples(), req.batchSize(), req.seed())
                        .withCrop(req.crop())
                        .withClass(classIndex);
        int side = req.crop() ? model.config().resolution() / 2 : model.config().resolution();
        side /= Math.max(1, model.config().resolution() / PerceptualPathLength.MAX_RESOLUTION);
        try (FeatureExtractor f = perceptualFeatures(req, side)) {
            PerceptualPathLength ppl = new PerceptualPathLength(f, perceptualInput(req));
            PerceptualPathLength.Result r =
                    ppl.compute(new GeneratorPath(model.generator(), model.manager()), o, progress);
            if (r == null) {
                return false;
            }
            String note =
                    req.lpipsFile() == null
                            ? FashionFeatures.conversionNote(model.config().imgChannels(), side)
                            : null;
            row(
                    table,
                    metric,
                    r.ppl(),
                    r.samples(),
                    0,
                    featureName(req.lpipsFile(), note),
                    r.seconds(),
                    "");
            return true;
        }
    }

    /**
     * The perceptual features f of PPL and the projection distances, for images of {@code side} px:
     * the built-in network, or the user's LPIPS file ({@link #perceptualInput}).
     */
    static FeatureExtractor perceptualFeatures(Request req, int side) throws IOException {
        return req.lpipsFile() == null
                ? FashionFeatures.load()
                : TorchScriptFeatures.load(
                        req.lpipsFile(),
                        new TorchScriptFeatures.Options(3, false, false, 2 * req.batchSize()),
                        side);
    }

    /** How {@link #perceptualFeatures} takes its images. */
    static PerceptualPathLength.Input perceptualInput(Request req) {
        return req.lpipsFile() == null
                ? PerceptualPathLength.Input.SIGNED
                : PerceptualPathLength.Input.BYTE_RANGE;
    }

    /**
     * One row per block: its toRGB's share of the output's standard deviation (StyleGAN2 Fig. 8).
     */
    private static boolean toRgb(
            StyleGAN2Model model, Request req, ResultsTable table, ProgressListener progress) {
        long start = System.nanoTime();
        List<ToRgbContribution.Share> shares =
                ToRgbContribution.measure(
                        model.generator(),
                        model.manager(),
                        req.samples(),
                        req.batchSize(),
                        req.seed(),
                        progress);
        if (shares == null) {
            return false;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (ToRgbContribution.Share s : shares) {
            row(
                    table,
                    "torgb_b" + s.resolution(),
                    s.share(),
                    req.samples(),
                    0,
                    "std share of the upsampled toRGB output",
                    seconds,
                    String.format(Locale.ROOT, "std %.4g", s.std()));
        }
        return true;
    }

    private static boolean separability(
            StyleGAN2Model model, Request req, ResultsTable table, ProgressListener progress) {
        LinearSeparability.Result r =
                LinearSeparability.compute(
                        new GeneratorPath(model.generator(), model.manager()),
                        req.samples(),
                        req.seed(),
                        progress);
        if (r == null) {
            return false;
        }
        String how = "linear SVM per class on the conditions";
        row(
                table,
                LINEAR_SEPARABILITY + "_z",
                r.z(),
                r.samples(),
                0,
                how,
                r.seconds(),
                "z does not carry the class: the chance reference");
        row(table, LINEAR_SEPARABILITY + "_w", r.w(), r.samples(), 0, how, r.seconds(), "");
        return true;
    }

    /**
     * Empty when the images were mapped to [-1, 1] as the model's training data, else what differs:
     * FD and KID then compare different intensity scales.
     */
    static String intensityNote(TrainingData data, StyleGAN2Model model) {
        return data.intensity().equals(model.intensity())
                ? ""
                : "images mapped as "
                        + data.intensity()
                        + " but the model's data as "
                        + model.intensity()
                        + ": give the intensity keys the model was trained with";
    }

    static String featureName(Path file, String note) {
        String name = file == null ? "built-in" : file.getFileName().toString();
        return note == null ? name : name + " (" + note + ")";
    }

    static void row(
            ResultsTable t,
            String metric,
            double value,
            int samples,
            int real,
            String features,
            double seconds,
            String note) {
        t.incrementCounter();
        t.addValue(METRIC, metric);
        t.addValue(VALUE, value);
        t.addValue(SAMPLES, samples);
        t.addValue(REAL, real);
        t.addValue(FEATURES, features);
        t.addValue(SECONDS, seconds);
        t.addValue(NOTE, note);
    }
}
