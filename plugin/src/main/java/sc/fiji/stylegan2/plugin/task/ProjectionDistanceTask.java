package sc.fiji.stylegan2.plugin.task;

import ij.measure.ResultsTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.project.DistanceKind;
import sc.fiji.stylegan2.model.project.ProjectionOptions;
import sc.fiji.stylegan2.model.project.ProjectionSpace;
import sc.fiji.stylegan2.model.project.Projector;
import sc.fiji.stylegan2.plugin.image.DistanceHistogramPlot;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.metrics.DistanceHistogram;
import sc.fiji.stylegan2.training.metrics.FashionFeatures;
import sc.fiji.stylegan2.training.metrics.FeatureExtractor;
import sc.fiji.stylegan2.training.metrics.PerceptualDistance;
import sc.fiji.stylegan2.training.metrics.PerceptualPathLength;
import sc.fiji.stylegan2.training.metrics.ProjectionDistance;
import sc.fiji.stylegan2.training.metrics.ProjectionSeparation;

/**
 * Evaluate Model's {@code projection_distance} (StyleGAN2 Sec. 5, Fig. 10): N = min(num_samples,
 * projection_images, the real images there are) generated images (seeds {@code seed ..}, ψ = 1,
 * noise const) and N real ones (chosen with {@code seed} from the images prepared as for FD and
 * KID) are projected into W, the paper's space, with the project's projector ({@code
 * projection_steps} steps; minimising LPIPS with the {@code lpips_file} as the paper, else the
 * projector's default distance, discriminator features + MSE, or MSE for a model without a
 * discriminator); then each target's distance to its projection is measured on the perceptual
 * features of PPL ({@link PerceptualDistance}). Six rows (median and mean of each set, the fraction
 * of real images beyond the largest and beyond the 95th percentile of the generated distances), a
 * histogram table and its plot.
 */
final class ProjectionDistanceTask {

    /** Common bins of the histogram. */
    static final int BINS = 20;

    /** The histogram as a table of bins and as a plot. */
    record Histogram(ResultsTable table, LabeledFloatImg plot) {}

    /** Column headings of the histogram table. */
    static final String BIN_START = "bin start",
            BIN_END = "bin end",
            GENERATED = "generated",
            REAL = "real";

    private final StyleGAN2Model model;
    private final Integer classIndex;
    private final EvaluationTask.Request req;
    private final DistanceKind minimised;
    private final Projector projector;

    /**
     * Checks what can be checked before long work.
     *
     * @throws IllegalArgumentException naming {@code condition} for a conditional model without one
     *     (the projection needs the class whose W it searches)
     */
    ProjectionDistanceTask(StyleGAN2Model model, Integer classIndex, EvaluationTask.Request req) {
        this.model = model;
        this.classIndex = classIndex;
        this.req = req;
        int channels = model.config().imgChannels();
        this.minimised =
                req.lpipsFile() != null && (channels == 1 || channels == 3)
                        ? DistanceKind.LPIPS
                        : model.discriminator() != null
                                ? DistanceKind.DISCRIMINATOR_MSE
                                : DistanceKind.MSE;
        ProjectionOptions options =
                ProjectionOptions.builder()
                        .optSpace(ProjectionSpace.W)
                        .optNumSteps(req.projectionSteps())
                        .optDistance(minimised)
                        .optFeatureNetwork(req.lpipsFile())
                        .optSeed(req.seed())
                        .build();
        this.projector = new Projector(model, options, classIndex);
    }

    /**
     * Projects, adds the rows to {@code table} and returns the histogram; null when canceled.
     *
     * @param data the real images, prepared as for FD and KID
     */
    Histogram run(TrainingData data, ResultsTable table, ProgressListener progress)
            throws IOException {
        GeneratorConfig cfg = model.config();
        int n = Math.min(req.samples(), req.projectionImages());
        PlanarImages real = ProjectionDistance.realTargets(data, n, req.seed());
        n = real.count();
        float[] images =
                EvaluationTask.generated(
                        model, req.seed(), n, req.batchSize(), classIndex, progress);
        if (images == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("seed=" + ((req.seed() + i) & 0xFFFFFFFFL));
        }
        int res = cfg.resolution();
        PlanarImages generated = new PlanarImages(images, n, cfg.imgChannels(), res, res, labels);
        int side = res / Math.max(1, res / PerceptualPathLength.MAX_RESOLUTION);
        try (FeatureExtractor f = EvaluationTask.perceptualFeatures(req, side)) {
            ProjectionDistance measure =
                    new ProjectionDistance(
                            projector,
                            new PerceptualDistance(f, EvaluationTask.perceptualInput(req)));
            ProjectionDistance.Result r =
                    measure.measure(model, generated, real, req.batchSize(), progress);
            if (r == null) {
                return null;
            }
            String features =
                    EvaluationTask.featureName(
                            req.lpipsFile(),
                            req.lpipsFile() == null
                                    ? FashionFeatures.conversionNote(cfg.imgChannels(), side)
                                    : null);
            rows(table, ProjectionSeparation.of(r.generated(), r.real()), n, features, r, data);
            DistanceHistogram h = DistanceHistogram.of(r.generated(), r.real(), BINS);
            return new Histogram(
                    table(h),
                    DistanceHistogramPlot.draw(
                            h,
                            "Projection distance: generated (blue) vs real (red)",
                            "distance to the projection (" + features + ")"));
        }
    }

    private void rows(
            ResultsTable table,
            ProjectionSeparation s,
            int n,
            String features,
            ProjectionDistance.Result r,
            TrainingData data) {
        String how =
                String.format(
                        Locale.ROOT,
                        "projected into W, %d steps, minimising %s",
                        req.projectionSteps(),
                        minimised.key());
        String intensity = EvaluationTask.intensityNote(data, model);
        String note = intensity.isEmpty() ? how : how + "; " + intensity;
        String p = EvaluationTask.PROJECTION_DISTANCE;
        Object[][] rows = {
            {p + "_generated_median", s.generatedMedian()},
            {p + "_generated_mean", s.generatedMean()},
            {p + "_real_median", s.realMedian()},
            {p + "_real_mean", s.realMean()},
            {p + "_real_beyond_generated_max", s.realBeyondGeneratedMax()},
            {p + "_real_beyond_generated_p95", s.realBeyondGenerated95()},
        };
        for (Object[] row : rows) {
            EvaluationTask.row(
                    table, (String) row[0], (Double) row[1], n, n, features, r.seconds(), note);
        }
    }

    /** One row per bin: its edges and both counts. */
    static ResultsTable table(DistanceHistogram h) {
        ResultsTable t = new ResultsTable();
        t.showRowNumbers(false);
        for (int i = 0; i < h.bins(); i++) {
            t.incrementCounter();
            t.addValue(BIN_START, h.edges()[i]);
            t.addValue(BIN_END, h.edges()[i + 1]);
            t.addValue(GENERATED, h.generated()[i]);
            t.addValue(REAL, h.real()[i]);
        }
        return t;
    }
}
