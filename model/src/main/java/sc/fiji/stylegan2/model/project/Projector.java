package sc.fiji.stylegan2.model.project;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.Synthesis;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.WeightCache;
import sc.fiji.stylegan2.model.optim.Adam;
import sc.fiji.stylegan2.model.torch.NoGrad;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * Projection of images into the latent space (StyleGAN2 Sec. 5, appendix D; official {@code
 * projector.py}): find the w (W) or per-layer ws (W+) and the noise maps whose image is closest to
 * a target. Starting at {@code w_avg} (and the noise maps of {@link NoiseStart}), Adam (β = 0.9,
 * 0.999) minimises
 *
 * <pre>
 *   L = d(g(w + σ(t)·ε, n), target) + λ_n · L_n(n)        ε ~ N(0, I)
 * </pre>
 *
 * with the ramped learning rate ({@link LearningRateSchedule}), the ramped-down w noise σ(t)
 * ({@link NoiseStrengthSchedule}), the noise regularisation L_n ({@link NoiseRegularization}, λ_n =
 * 1e5) and the noise maps renormalised after every step. Several targets are projected together as
 * one batch: every term is per image and Adam is element-wise, so each image's optimisation is
 * independent of the others. The generator's and discriminator's own parameters are constants; only
 * w and the noise maps get gradients. Every step runs in its own {@link NDScope}, so memory stays
 * flat over the steps; gradients are recorded only inside the step's collector, in any thread
 * ({@link NoGrad}).
 */
public final class Projector {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final StyleGAN2Model model;
    private final ProjectionOptions options;
    private final Synthesis synthesis;
    private final Integer classIndex;
    private WStatistics statistics;

    /** What this projector optimises: space, steps, distance. */
    public ProjectionOptions options() {
        return options;
    }

    /** A projector for an unconditional model. */
    public Projector(StyleGAN2Model model, ProjectionOptions options) {
        this(model, options, null);
    }

    /**
     * A projector into the W of class {@code classIndex} of a conditional model (null for an
     * unconditional model): w starts from, and its noise scales with, the statistics of that
     * class's w ({@link WStatistics}). The optimised w itself is free, as in the unconditional
     * case.
     *
     * @throws IllegalArgumentException naming {@code condition} when the class is missing for a
     *     conditional model, given to an unconditional one, or out of range
     */
    public Projector(StyleGAN2Model model, ProjectionOptions options, Integer classIndex) {
        this.model = model;
        this.options = options;
        this.synthesis = model.generator().synthesis();
        this.classIndex = model.classes().require(classIndex);
    }

    /** w_avg and σ_w, sampled on first use and kept for later batches. */
    public WStatistics statistics() {
        if (statistics == null) {
            statistics =
                    WStatistics.sample(
                            model.generator(),
                            model.manager(),
                            options.wAvgSamples(),
                            options.seed(),
                            classIndex == null ? null : model.classes().oneHot(classIndex, 1));
        }
        return statistics;
    }

    /**
     * Projects targets already at the model's resolution, channels and range (see {@code
     * ImagePreprocessing.toModelInput}). On cancel, stops after the current step and returns the
     * best latents so far.
     */
    public ProjectionResult project(PlanarImages targets, ProgressListener progress) {
        GeneratorConfig cfg = model.config();
        int res = cfg.resolution();
        if (targets.channels() != cfg.imgChannels()
                || targets.height() != res
                || targets.width() != res) {
            throw new IllegalArgumentException(
                    "targets must be [N, "
                            + cfg.imgChannels()
                            + ", "
                            + res
                            + ", "
                            + res
                            + "], got ["
                            + targets.count()
                            + ", "
                            + targets.channels()
                            + ", "
                            + targets.height()
                            + ", "
                            + targets.width()
                            + "]; preprocess them first");
        }
        WStatistics stats = statistics();
        Map<String, Integer> noiseLayers =
                options.optimizeNoise() ? model.generator().noiseLayers() : Map.of();
        Random random = new Random(options.seed());
        try (NoGrad off = NoGrad.enter();
                // The generator's weights stay fixed through all steps: derived forms made once.
                WeightCache cache = WeightCache.open();
                NDManager run = model.manager().newSubManager()) {
            NDArray target =
                    run.create(
                            targets.data(),
                            new Shape(targets.count(), cfg.imgChannels(), res, res));
            try (ImageDistance distance =
                            options.distance().create(model, target, options.featureNetwork());
                    ProjectionVariables vars =
                            new ProjectionVariables(
                                    run,
                                    options.space(),
                                    targets.count(),
                                    cfg.numWs(),
                                    stats.wAvg(),
                                    noiseLayers,
                                    noiseStart(noiseLayers),
                                    random);
                    Adam adam =
                            new Adam(
                                    run,
                                    vars.parameters(),
                                    options.learningRate().initial(),
                                    BETA1,
                                    BETA2,
                                    EPS)) {
                return optimise(
                        new Run(
                                vars,
                                distance,
                                adam,
                                new BestLatents(targets.count()),
                                random,
                                stats.wStd()),
                        targets,
                        progress);
            }
        }
    }

    /**
     * The start maps of {@link NoiseStart#CONST} ({@code noise_const} of each layer), or null for
     * white noise.
     */
    private Map<String, float[]> noiseStart(Map<String, Integer> layers) {
        if (options.noiseStart() == NoiseStart.RANDOM) {
            return null;
        }
        Map<String, float[]> start = model.imageGenerator().constNoise();
        start.keySet().retainAll(layers.keySet());
        return start;
    }

    /** The state of one projection. */
    private record Run(
            ProjectionVariables vars,
            ImageDistance distance,
            Adam adam,
            BestLatents best,
            Random random,
            double wStd) {}

    /** Per-image values of one evaluation. */
    private record Losses(float[] total, float[] distance) {}

    private ProjectionResult optimise(Run run, PlanarImages targets, ProgressListener progress) {
        int steps = options.numSteps();
        double[] lossHistory = new double[steps];
        double[] distanceHistory = new double[steps];
        List<ProjectionResult.Snapshot> snapshots = new ArrayList<>();
        long start = System.nanoTime();
        int done = 0;
        while (done < steps && !progress.isCanceled()) {
            Losses l = step(run, (double) done / steps);
            lossHistory[done] = mean(l.total);
            distanceHistory[done] = mean(l.distance);
            done++;
            if (options.saveEvery() > 0 && done % options.saveEvery() == 0) {
                snapshots.add(new ProjectionResult.Snapshot(done, render(run.vars())));
            }
            progress.progress(
                    done,
                    steps,
                    String.format(
                            Locale.ROOT,
                            "projection step %d/%d: distance %.4f, loss %.4f",
                            done,
                            steps,
                            distanceHistory[done - 1],
                            lossHistory[done - 1]));
        }
        double secondsPerStep = done == 0 ? 0 : (System.nanoTime() - start) / 1e9 / done;
        // The variables after the last update have not been scored yet: score them without w noise.
        try (NDScope scope = new NDScope()) {
            run.best().offer(evaluate(run, null).total, run.vars());
        }
        Latents latents = run.best().latents();
        GeneratedImages images =
                model.imageGenerator()
                        .synthesize(
                                latents,
                                targets.labels(),
                                NoiseMode.CONST,
                                OutputRange.RAW,
                                targets.count(),
                                ProgressListener.NONE);
        PlanarImages reconstruction =
                new PlanarImages(
                        images.data(),
                        images.count(),
                        images.channels(),
                        images.height(),
                        images.width(),
                        targets.labels());
        return new ProjectionResult(
                latents,
                reconstruction,
                snapshots,
                run.best().losses(),
                Arrays.copyOf(lossHistory, done),
                Arrays.copyOf(distanceHistory, done),
                done,
                done < steps,
                secondsPerStep);
    }

    /**
     * One Adam step at {@code t = step / num_steps}; returns the losses of the variables before the
     * update.
     */
    private Losses step(Run run, double t) {
        run.adam().setLearningRate(options.learningRate().at(t));
        try (NDScope scope = new NDScope()) {
            NDArray wNoise = wNoise(run, options.wNoise().at(t, run.wStd()));
            Losses losses;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LossTerms terms = loss(run, wNoise);
                gc.backward(terms.total().sum());
                losses = terms.toLosses();
            }
            run.best()
                    .offer(
                            losses.total,
                            run.vars()); // the variables these losses belong to, before the update
            run.adam().step();
            run.vars().renormalizeNoise();
            return losses;
        }
    }

    /**
     * The projection loss per image at {@code w + wNoise} (null: no noise).
     *
     * @param total {@code L = d + λ_n · L_n}, {@code [N]}
     * @param distance the image distance d alone, {@code [N]}
     */
    private record LossTerms(NDArray total, NDArray distance) {
        Losses toLosses() {
            return new Losses(total.toFloatArray(), distance.toFloatArray());
        }
    }

    private LossTerms loss(Run run, NDArray wNoise) {
        NDArray images = synthesis.forward(run.vars().ws(wNoise), synthesisOptions(run.vars()));
        NDArray d = run.distance().distance(images);
        if (run.vars().noiseMaps().isEmpty()) {
            return new LossTerms(d, d);
        }
        // L = d + λ_n · L_n
        NDArray reg = NoiseRegularization.perImage(run.vars().noiseMaps());
        return new LossTerms(d.add(Scalars.mul(reg, options.noiseWeight())), d);
    }

    private Losses evaluate(Run run, NDArray wNoise) {
        return loss(run, wNoise).toLosses();
    }

    private static SynthesisOptions synthesisOptions(ProjectionVariables vars) {
        SynthesisOptions o = SynthesisOptions.of(NoiseMode.CONST);
        return vars.noise().isEmpty() ? o : o.withNoiseInputs(vars.noise());
    }

    /** σ·ε with ε ~ N(0, I) of w's shape, or null when σ = 0. */
    private NDArray wNoise(Run run, double sigma) {
        if (sigma == 0) {
            return null;
        }
        Shape shape = run.vars().wShape();
        float[] e = new float[(int) shape.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) (sigma * run.random().nextGaussian());
        }
        return model.manager().create(e, shape);
    }

    /** The images of the current variables (no w noise). */
    private float[] render(ProjectionVariables vars) {
        try (NDScope scope = new NDScope()) {
            return synthesis.forward(vars.ws(null), synthesisOptions(vars)).toFloatArray();
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
