package sc.fiji.stylegan2.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.optim.Adam;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.GlobalRandom;
import sc.fiji.stylegan2.training.GrowingSchedule;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.checkpoint.TrainingState;
import sc.fiji.stylegan2.training.data.AdaptiveAugment;
import sc.fiji.stylegan2.training.loss.GradientOp;
import sc.fiji.stylegan2.training.loss.LossPhase;
import sc.fiji.stylegan2.training.loss.MixingRegularization;
import sc.fiji.stylegan2.training.loss.PathLengthPenalty;
import sc.fiji.stylegan2.training.loss.R1Penalty;
import sc.fiji.stylegan2.training.loss.StyleGAN2Loss;

/**
 * A run in progress: G, G_ema and D, one Adam per network (shared by its main and regularisation
 * phases, as officially), the loss and the counters. {@link #step} trains one minibatch as the
 * official loop body: the phases Gmain, Greg, Dmain, Dreg in that order, each followed by its
 * optimizer step, the regularisation phases only on their lazy schedule (StyleGAN2 Sec. 3.1); then
 * the G_ema update and the ADA heuristic (Karras et al. 2020b, Sec. 3), which tunes the
 * augmentation probability p of D's inputs.
 *
 * <p>A conditional model trains on labelled reals ({@link #step(float[], int[], int[])}): D sees
 * each real with its own class, and the class of each generated image is drawn, per phase, as the
 * label of a random training image (official {@code gen_c = training_set.get_label(randint(len))}),
 * so classes are generated as often as the data holds them.
 */
public final class TrainingSession implements AutoCloseable {

    private final TrainingOptions options;
    private final StyleGAN2Model model;
    private final Adam gOpt;
    private final Adam dOpt;
    private final GradientOp gradientOp;
    private final AdaptiveAugment augment;
    private final StyleGAN2Loss loss;
    private final LazyRegularization gReg;
    private final LazyRegularization dReg;
    private final GeneratorEma ema;
    private final EmaUpdate emaUpdate;
    private long curNimg;
    private long batchIdx;
    private long tick;
    private double trainingSeconds;

    private TrainingSession(TrainingOptions options, StyleGAN2Model model, TrainingState state) {
        if (model.trainingGenerator() == null || model.discriminator() == null) {
            model.close();
            throw new IllegalArgumentException(
                    "training needs a model with G and D, not only G_ema");
        }
        this.options = options;
        this.model = model;
        this.gReg = new LazyRegularization(options.loss().plInterval());
        this.dReg = new LazyRegularization(options.loss().r1Interval());
        this.gOpt = adam(model.trainingGenerator(), gReg);
        this.dOpt = adam(model.discriminator(), dReg);
        this.gradientOp = new GradientOp(model.manager());
        MixingRegularization mixing = new MixingRegularization(options.loss().styleMixingProb());
        R1Penalty r1 = new R1Penalty(options.loss().r1Gamma(), gradientOp);
        PathLengthPenalty pl =
                new PathLengthPenalty(
                        options.loss().plWeight(),
                        options.loss().plDecay(),
                        state.plMean(),
                        gradientOp);
        this.augment = options.augment().pipe(state.augment());
        this.loss =
                new StyleGAN2Loss(
                        model.trainingGenerator(),
                        model.discriminator(),
                        mixing,
                        r1,
                        pl,
                        options.loss().plBatchShrink(),
                        augment);
        this.ema = new GeneratorEma(options.emaKimg(), options.emaRampup());
        this.emaUpdate =
                new EmaUpdate(model.trainingGenerator(), model.generator(), model.manager());
        this.curNimg = state.curNimg();
        this.batchIdx = state.batchIdx();
        this.tick = state.tick();
        this.trainingSeconds = state.trainingSeconds();
    }

    /** A new run: networks initialised as officially from the options' seed. */
    public static TrainingSession start(TrainingOptions options, IntensityMapping intensity) {
        StyleGAN2Model model =
                StyleGAN2Model.create(
                        options.generator(), options.discriminator(), intensity, options.seed());
        return new TrainingSession(options, model, TrainingState.initial(options.augment().p()));
    }

    /**
     * A run continued from a checkpoint: its networks (the session takes over the model), optimizer
     * moments and counters, with {@code options} (the checkpoint's, perhaps with a longer
     * schedule). Empty optimizer states (an official snapshot has none) leave Adam fresh: moments
     * zero, step count 0, as the official {@code --resume} does.
     */
    public static TrainingSession resume(TrainingCheckpoint c, TrainingOptions options) {
        TrainingSession s = new TrainingSession(options, c.model(), c.state());
        try {
            if (!c.gOpt().isEmpty() || !c.dOpt().isEmpty()) {
                s.gOpt.loadState(c.gOpt());
                s.dOpt.loadState(c.dOpt());
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw new IllegalArgumentException(
                    "the optimizer state does not fit the networks: " + e.getMessage(), e);
        }
    }

    /** Adam with the lazy-regularisation correction of lr and betas. */
    private Adam adam(Module network, LazyRegularization reg) {
        return new Adam(
                model.manager(),
                network.namedParameters(),
                reg.learningRate(options.learningRate()),
                reg.beta(options.beta1()),
                reg.beta(options.beta2()),
                options.epsilon());
    }

    /**
     * Trains one minibatch of real images {@code [batch, C, H, W]} (C-order floats in [-1, 1]).
     *
     * @return the minibatch's statistics by official name ({@code Loss/G/loss}, ...)
     */
    public Map<String, Double> step(float[] reals) {
        return step(reals, null, null);
    }

    /**
     * Trains one minibatch of a conditional model: real images with their classes, and the classes
     * of all training images, from which the generated images' classes are drawn.
     *
     * @param realClasses the class index of each real image, or null for an unconditional model
     * @param dataClasses the class index of every training image, or null for an unconditional
     *     model
     * @return the minibatch's statistics by official name
     */
    public Map<String, Double> step(float[] reals, int[] realClasses, int[] dataClasses) {
        if ((realClasses != null) != (options.generator().cDim() > 0)
                || (realClasses == null) != (dataClasses == null)) {
            throw new IllegalArgumentException(
                    options.generator().cDim() > 0
                            ? "a conditional model trains on labelled images"
                            : "an unconditional model takes no labels");
        }
        // libtorch's grad mode is per thread and on by default; DJL turns it off only on the thread
        // that
        // loaded the engine. The optimizer and EMA update in place, which must not be recorded: off
        // here,
        // on only inside each phase's gradient collector.
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            // Reseed and every draw of the minibatch as one sequence: no other command's draw in
            // between.
            int n = batchSize();
            Map<String, Double> stats =
                    GlobalRandom.locked(() -> trainMinibatch(reals, realClasses, dataClasses, n));
            curNimg += n;
            batchIdx++;
            return stats;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /**
     * The size of the next minibatch: the options' batch, or while growing the batch of the current
     * resolution ({@link TrainingOptions#batchSizeAt}).
     */
    public int batchSize() {
        return options.batchSizeAt(curNimg);
    }

    private Map<String, Double> trainMinibatch(
            float[] reals, int[] realClasses, int[] dataClasses, int n) {
        Map<String, Double> stats = new LinkedHashMap<>();
        SplittableRandom random = StepRandom.forMinibatch(options.seed(), batchIdx);
        NDArray real =
                model.manager()
                        .create(
                                reals,
                                new Shape(
                                        n,
                                        options.imgChannels(),
                                        options.resolution(),
                                        options.resolution()));
        if (options.growing() != null) {
            // The networks and the reals at this minibatch's level of detail (ProGAN Sec. 3).
            double lod = options.lodAt(curNimg);
            model.setLod(lod);
            real = GrowingSchedule.realsAt(real, lod);
        }
        NDArray realC = realClasses == null ? null : oneHot(realClasses);
        for (LossPhase phase : phasesAt(batchIdx)) {
            NDArray z = model.manager().randomNormal(new Shape(n, options.generator().zDim()));
            NDArray genC = dataClasses == null ? null : oneHot(drawClasses(dataClasses, n, random));
            double gain =
                    !phase.isRegularization() ? 1 : (phase.trainsGenerator() ? gReg : dReg).gain();
            try (Autocast mixed = Autocast.request(precisionOf(phase, options.precision()))) {
                stats.putAll(loss.accumulateGradients(phase, real, realC, z, genC, gain, random));
            }
            // The step repairs non-finite gradients first (official nan_to_num) and counts them.
            int repaired = (phase.trainsGenerator() ? gOpt : dOpt).step();
            stats.merge(TickReport.NONFINITE_GRADIENTS, (double) repaired, Double::sum);
        }
        emaUpdate.apply(ema.beta(curNimg, n));
        // ADA: Dmain's batch mean of sign(D(x_real)) times the batch is the whole number Σ sign.
        augment.update(Math.round(stats.get(TickReport.REAL_SIGNS) * n), n);
        return stats;
    }

    /**
     * The precision a loss phase runs in: mixed precision for the main phases' convolutions only;
     * the regularisation phases (R1 and path length, gradients with respect to the inputs) stay
     * float32, as the losses, Adam and G_ema do. With R1 and path length through the bf16
     * convolutions a 10-minute Fashion-MNIST run ended at FD 35.4, with them in float32 at 19.9
     * (fp32: 26.3).
     */
    static Precision precisionOf(LossPhase phase, Precision requested) {
        return phase.isRegularization() ? Precision.FP32 : requested;
    }

    /** The classes of n generated images: the labels of n training images drawn at random. */
    private static int[] drawClasses(int[] dataClasses, int n, SplittableRandom random) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = dataClasses[random.nextInt(dataClasses.length)];
        }
        return c;
    }

    /** One-hot labels c {@code [n, c_dim]} of class indices. */
    private NDArray oneHot(int[] classes) {
        int cDim = options.generator().cDim();
        float[] c = new float[classes.length * cDim];
        for (int i = 0; i < classes.length; i++) {
            c[i * cDim + classes[i]] = 1;
        }
        return model.manager().create(c, new Shape(classes.length, cDim));
    }

    /**
     * The phases minibatch {@code idx} runs: Gmain and Dmain always, Greg and Dreg on their
     * schedule.
     */
    List<LossPhase> phasesAt(long idx) {
        List<LossPhase> phases = new ArrayList<>(4);
        phases.add(LossPhase.GMAIN);
        if (gReg.regularizesAt(idx) && options.loss().plWeight() != 0) {
            phases.add(LossPhase.GREG);
        }
        phases.add(LossPhase.DMAIN);
        if (dReg.regularizesAt(idx) && options.loss().r1Gamma() != 0) {
            phases.add(LossPhase.DREG);
        }
        return phases;
    }

    /** Counts a finished progress tick and the seconds spent since the last one. */
    void endTick(double seconds) {
        tick++;
        trainingSeconds += seconds;
    }

    /**
     * The checkpoint of the current state (sharing this session's model; Adam states copied out).
     */
    public TrainingCheckpoint checkpoint() {
        return new TrainingCheckpoint(
                model, options, state(), gOpt.exportState(), dOpt.exportState());
    }

    public TrainingState state() {
        return new TrainingState(
                curNimg,
                batchIdx,
                tick,
                loss.pathLength().plMean(),
                trainingSeconds,
                augment.state());
    }

    public TrainingOptions options() {
        return options;
    }

    /** G, G_ema and D. */
    public StyleGAN2Model model() {
        return model;
    }

    public Adam generatorOptimizer() {
        return gOpt;
    }

    public Adam discriminatorOptimizer() {
        return dOpt;
    }

    @Override
    public void close() {
        emaUpdate.close();
        gradientOp.close();
        gOpt.close();
        dOpt.close();
        model.close();
    }
}
