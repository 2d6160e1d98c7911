package sc.fiji.stylegan2.training.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.network.Discriminator;
import sc.fiji.stylegan2.model.network.DiscriminatorNetwork;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.torch.NoGrad;
import sc.fiji.stylegan2.model.torch.Scalars;
import sc.fiji.stylegan2.training.data.AdaptiveAugment;

/**
 * The StyleGAN2 objective (Karras et al. 2020), split by phase as the official {@code
 * StyleGAN2Loss}: the non-saturating logistic loss ({@link NonSaturatingLoss}), style mixing
 * ({@link MixingRegularization}), path length regularisation for G ({@link PathLengthPenalty}, Sec.
 * 3.2) and R1 for D ({@link R1Penalty}, Mescheder et al. 2018). Each call of {@link
 * #accumulateGradients} runs one phase: it makes the phase's network trainable and freezes the
 * other (official {@code requires_grad_} per phase), computes the loss and back-propagates {@code
 * mean(loss) · gain} into that network's gradients, which the optimizer then applies.
 *
 * <p>The generator runs as in official training: mapping with {@code w_avg} tracking, random noise,
 * unfused modulated convolutions. D sees every image, fake or real, through the augment pipe
 * ({@link #runD}).
 *
 * <p>A conditional model (official {@code c_dim > 0}) takes the one-hot labels of the generated
 * images ({@code gen_c}) in G's mapping, for both of style mixing's w, and D scores each image with
 * its label: the fakes with {@code gen_c}, the reals with their own ({@code real_c}). The mapping
 * keeps one global {@code w_avg}, the running mean of w over the samples of all classes, as the
 * official mapping does.
 */
public final class StyleGAN2Loss {

    /** Official training-time synthesis: fresh noise, {@code fused_modconv=False}. */
    static final SynthesisOptions TRAINING_SYNTHESIS =
            SynthesisOptions.of(NoiseMode.RANDOM).withModconv(ModconvStrategy.UNFUSED);

    /**
     * Layout per phase, same values either way: the main phases run G and D channels-last ({@code
     * MemoryFormat}, faster there), the regularization phases in the default layout, where their
     * second-order gradients (the FIR filters' double backward loops over channels) are slower
     * channels-last ({@code bench/README.md}).
     */
    private static final boolean MAIN_CHANNELS_LAST = true;

    private static final boolean REG_CHANNELS_LAST = false;

    /** G in the main phases: official training synthesis, channels-last. */
    private static final SynthesisOptions MAIN_SYNTHESIS =
            TRAINING_SYNTHESIS.withChannelsLast(MAIN_CHANNELS_LAST);

    /**
     * G in the path-length phase: the default layout, and the upsampling convolutions with the FIR
     * filter folded in ({@link ModconvStrategy#UNFUSED_POLYPHASE}), whose second-order gradient
     * needs no per-channel loop; the same values.
     */
    private static final SynthesisOptions PATH_LENGTH_SYNTHESIS =
            TRAINING_SYNTHESIS
                    .withChannelsLast(REG_CHANNELS_LAST)
                    .withModconv(ModconvStrategy.UNFUSED_POLYPHASE);

    private final Generator g;
    private final DiscriminatorNetwork d;
    private final MixingRegularization mixing;
    private final R1Penalty r1;
    private final PathLengthPenalty pl;
    private final int plBatchShrink;
    private final AdaptiveAugment augment;

    /**
     * @param plBatchShrink the path-length phase uses {@code batch / plBatchShrink} latents (2)
     * @param augment the augment pipe in front of D (a no-op while its p is 0)
     */
    public StyleGAN2Loss(
            Generator g,
            DiscriminatorNetwork d,
            MixingRegularization mixing,
            R1Penalty r1,
            PathLengthPenalty pl,
            int plBatchShrink,
            AdaptiveAugment augment) {
        this.g = g;
        this.d = d;
        this.mixing = mixing;
        this.r1 = r1;
        this.pl = pl;
        this.plBatchShrink = requirePlBatchShrink(plBatchShrink);
        this.augment = augment;
    }

    public PathLengthPenalty pathLength() {
        return pl;
    }

    /**
     * Runs one phase and accumulates its gradients into the trained network's parameters.
     *
     * @param reals real images {@code [N, C, H, W]} in [-1, 1] (D phases)
     * @param z latents {@code [N, z_dim]} for this phase
     * @param gain the phase's loss multiplier (its interval: 1 for the main phases)
     * @param random draws the style-mixing crossover
     * @return the phase's statistics under their official names ({@code Loss/G/loss}, ...), batch
     *     means
     */
    public Map<String, Double> accumulateGradients(
            LossPhase phase, NDArray reals, NDArray z, double gain, SplittableRandom random) {
        return accumulateGradients(phase, reals, null, z, null, gain, random);
    }

    /**
     * As {@link #accumulateGradients(LossPhase, NDArray, NDArray, double, SplittableRandom)} for a
     * conditional model: {@code realC} the reals' one-hot labels, {@code genC} those of the images
     * G makes from {@code z} ({@code [N, c_dim]} each; both null for an unconditional model).
     */
    public Map<String, Double> accumulateGradients(
            LossPhase phase,
            NDArray reals,
            NDArray realC,
            NDArray z,
            NDArray genC,
            double gain,
            SplittableRandom random) {
        setTrainable(g, phase.trainsGenerator());
        setTrainable(d, !phase.trainsGenerator());
        Map<String, Double> stats = new LinkedHashMap<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss =
                    switch (phase) {
                        case GMAIN -> generatorMain(z, genC, random, stats);
                        case GREG -> generatorPathLength(z, genC, random, stats);
                        case DMAIN -> discriminatorMain(reals, realC, z, genC, random, stats);
                        case DREG -> discriminatorR1(reals, realC, random, stats);
                    };
            gc.backward(Scalars.mul(loss, gain));
        }
        return stats;
    }

    /** {@code pl_batch_shrink}: the path length phase runs on batch / this many latents, ≥ 1. */
    public static int requirePlBatchShrink(int plBatchShrink) {
        if (plBatchShrink < 1) {
            throw new IllegalArgumentException(
                    "pl_batch_shrink must be >= 1, got " + plBatchShrink);
        }
        return plBatchShrink;
    }

    /** Gmain: {@code softplus(−D(G(z)))}: maximise the logits of the fakes. */
    private NDArray generatorMain(
            NDArray z, NDArray c, SplittableRandom random, Map<String, Double> stats) {
        NDArray img = runG(z, c, random, MAIN_SYNTHESIS).img();
        NDArray logits = runD(img, c, random, MAIN_CHANNELS_LAST);
        NDArray loss = NonSaturatingLoss.generator(logits);
        report(stats, "Loss/scores/fake", logits);
        report(stats, "Loss/G/loss", loss);
        return loss.mean();
    }

    /**
     * Greg: {@code pl_weight · (‖J_wᵀ y‖ − a)²} on {@code batch / pl_batch_shrink} latents. The
     * term {@code img[:, 0, 0, 0] · 0} is the official one: it gives every G parameter a (zero)
     * gradient, so that the optimizer updates all of them, as in the official step.
     */
    private NDArray generatorPathLength(
            NDArray z, NDArray c, SplittableRandom random, Map<String, Double> stats) {
        long n = Math.max(1, z.getShape().get(0) / plBatchShrink);
        NDIndex first = new NDIndex(":{}", n);
        GeneratorOutput out =
                runG(z.get(first), c == null ? null : c.get(first), random, PATH_LENGTH_SYNTHESIS);
        NDArray img = out.img();
        NDArray penalty = pl.penalty(img, out.ws(), PathLengthPenalty.noise(img));
        NDArray loss = pl.loss(penalty);
        report(stats, "Loss/pl_penalty", penalty);
        report(stats, "Loss/G/reg", loss);
        return Scalars.mul(img.get(new NDIndex(":, 0, 0, 0")), 0).add(loss).mean();
    }

    /**
     * Dmain: {@code softplus(D(G(z))) + softplus(−D(x))}: minimise the fakes' logits, maximise the
     * reals'. Deviations, same gradients: the official code back-propagates the two terms one after
     * the other through two D passes; here D scores fakes and reals in one pass ({@link
     * Discriminator#forwardPair}, minibatch-stddev groups kept apart) and one backward pass takes
     * their sum. G is frozen in this phase, so the fakes are made without recording a graph.
     */
    private NDArray discriminatorMain(
            NDArray reals,
            NDArray realC,
            NDArray z,
            NDArray genC,
            SplittableRandom random,
            Map<String, Double> stats) {
        NDArray img;
        try (NoGrad off = NoGrad.enter()) {
            img = runG(z, genC, random, MAIN_SYNTHESIS).img();
        }
        // run_D on each, fakes first as officially, scored in one D pass.
        Discriminator.LogitPair logits =
                d.forwardPair(
                        augment.apply(img, random),
                        genC,
                        augment.apply(reals, random),
                        realC,
                        MAIN_CHANNELS_LAST);
        NDArray fakeLogits = logits.a();
        NDArray realLogits = logits.b();
        NDArray lossFake = NonSaturatingLoss.discriminatorFake(fakeLogits);
        NDArray lossReal = NonSaturatingLoss.discriminatorReal(realLogits);
        report(stats, "Loss/scores/fake", fakeLogits);
        report(stats, "Loss/scores/real", realLogits);
        report(
                stats,
                "Loss/signs/real",
                realLogits.sign()); // the ADA heuristic's r_t (ADA Sec. 3, Eq. 1)
        report(stats, "Loss/D/loss", lossFake.add(lossReal));
        return lossFake.mean().add(lossReal.mean());
    }

    /**
     * Dreg: {@code γ/2 · ‖∇_x D(x)‖²} on the reals; {@code D(x) · 0} gives every D parameter a
     * (zero) gradient, as the official term.
     */
    private NDArray discriminatorR1(
            NDArray reals, NDArray realC, SplittableRandom random, Map<String, Double> stats) {
        NDArray x = reals.duplicate(); // official real_img.detach().requires_grad_(True)
        x.setRequiresGradient(true);
        NDArray logits =
                runD(
                        x,
                        realC,
                        random,
                        REG_CHANNELS_LAST); // ∇ w.r.t. the un-augmented x, through augmentation
        NDArray penalty = r1.penalty(logits, x);
        NDArray loss = r1.loss(penalty);
        report(stats, "Loss/r1_penalty", penalty);
        report(stats, "Loss/D/reg", loss);
        return Scalars.mul(logits.reshape(-1), 0).add(loss).mean();
    }

    /**
     * The official {@code run_G}: (z, c) → ws (tracking the one global {@code w_avg}), style mixing
     * (the second w of the same class c), synthesis.
     *
     * @param synthesis how the synthesis network runs in this phase
     */
    GeneratorOutput runG(
            NDArray z, NDArray c, SplittableRandom random, SynthesisOptions synthesis) {
        NDArray ws = g.mapping().forward(z, c, 1, null);
        g.mapping().updateWAvg(ws);
        int cutoff = mixing.cutoff(g.config().numWs(), random);
        ws =
                mixing.mix(
                        ws,
                        cutoff,
                        () ->
                                g.mapping()
                                        .forward(
                                                z.getManager().randomNormal(z.getShape()),
                                                c,
                                                1,
                                                null));
        NDArray img = g.synthesis().forward(ws, synthesis);
        return new GeneratorOutput(img, ws);
    }

    /**
     * What the official {@code run_G} returns.
     *
     * @param img the generated images {@code [N, C, H, W]}
     * @param ws the (mixed) input of the synthesis network {@code [N, num_ws, w_dim]}
     */
    record GeneratorOutput(NDArray img, NDArray ws) {}

    /**
     * The official {@code run_D}: D of the augmented images. ADA (Karras et al. 2020b, Sec. 2.1)
     * augments every image D sees, fakes included, with differentiable ops, so G's gradient passes
     * through them and G never learns to produce augmented images. Returns D of {@code img} itself
     * while p is 0.
     */
    private NDArray runD(NDArray img, NDArray c, SplittableRandom random, boolean channelsLast) {
        return d.forward(augment.apply(img, random), c, channelsLast);
    }

    /** Sets {@code requires_grad} on every parameter of a network. */
    static void setTrainable(Module network, boolean trainable) {
        for (NDArray p : network.namedParameters().values()) {
            if (p.hasGradient() != trainable) {
                p.setRequiresGradient(trainable);
            }
        }
    }

    private static void report(Map<String, Double> stats, String name, NDArray values) {
        stats.put(name, (double) values.mean().getFloat());
    }
}
