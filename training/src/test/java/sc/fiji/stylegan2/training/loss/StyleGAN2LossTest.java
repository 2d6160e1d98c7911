package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.data.AdaptiveAugment;
import sc.fiji.stylegan2.training.data.AugmentOptions;

/**
 * The phases on tiny networks: which network each one trains, the gain, and each phase's gradient
 * against finite differences of the loss it reports (with noise, latents, mixing and augmentation
 * fixed by seeds), without augmentation and through it.
 */
class StyleGAN2LossTest {

    private StyleGAN2Model model;
    private GradientOp op;
    private NDArray reals;
    private NDArray z;
    private AugmentOptions augment = AugmentOptions.none();

    @BeforeEach
    void setUp() {
        model = Tiny.model(1, 21);
        op = new GradientOp(model.manager());
        NDManager m = model.manager();
        reals = m.randomUniform(-1, 1, Tiny.imageShape(4, 1));
        z = m.randomNormal(new Shape(4, 16));
    }

    @AfterEach
    void tearDown() {
        op.close();
        model.close();
    }

    private StyleGAN2Loss loss() {
        return new StyleGAN2Loss(
                model.trainingGenerator(),
                model.discriminator(),
                new MixingRegularization(0.9),
                new R1Penalty(0.5, op),
                new PathLengthPenalty(2, 0.01, 0.3, op),
                2,
                augment.pipe(AdaptiveAugment.State.initial(augment.p())));
    }

    /** Runs a phase with every random draw fixed; returns its stats. */
    private Map<String, Double> run(StyleGAN2Loss loss, LossPhase phase, double gain) {
        Engine.getInstance().setRandomSeed(77);
        return loss.accumulateGradients(phase, reals, z, gain, new SplittableRandom(3));
    }

    private static double gradientNorm(Module net) {
        double s = 0;
        for (NDArray p : net.namedParameters().values()) {
            s += p.hasGradient() ? p.getGradient().square().sum().getFloat() : 0;
        }
        return s;
    }

    @Test
    void generatorPhasesTrainOnlyTheGenerator() {
        StyleGAN2Loss loss = loss();
        for (LossPhase phase : new LossPhase[] {LossPhase.GMAIN, LossPhase.GREG}) {
            run(loss, phase, 1);
            assertTrue(gradientNorm(model.trainingGenerator()) > 0, phase + " gives G gradients");
            assertEquals(0, gradientNorm(model.discriminator()), phase + " leaves D alone");
            Tiny.zeroGradients(model.trainingGenerator());
        }
    }

    @Test
    void discriminatorPhasesTrainOnlyTheDiscriminator() {
        StyleGAN2Loss loss = loss();
        for (LossPhase phase : new LossPhase[] {LossPhase.DMAIN, LossPhase.DREG}) {
            run(loss, phase, 1);
            assertTrue(gradientNorm(model.discriminator()) > 0, phase + " gives D gradients");
            assertEquals(0, gradientNorm(model.trainingGenerator()), phase + " leaves G alone");
            Tiny.zeroGradients(model.discriminator());
        }
    }

    @Test
    void regularizationPhasesGiveEveryParameterAGradient() {
        StyleGAN2Loss loss = loss();
        run(loss, LossPhase.GREG, 1);
        model.trainingGenerator()
                .namedParameters()
                .forEach((k, p) -> assertTrue(p.hasGradient(), k));
        run(loss, LossPhase.DREG, 1);
        model.discriminator().namedParameters().forEach((k, p) -> assertTrue(p.hasGradient(), k));
    }

    @Test
    void gainMultipliesTheGradients() {
        StyleGAN2Loss loss = loss();
        NDArray w = Tiny.param(model.discriminator(), "b8.conv0.weight");
        run(loss, LossPhase.DREG, 1);
        float[] g1 = w.getGradient().toFloatArray();
        Tiny.zeroGradients(model.discriminator());
        run(loss, LossPhase.DREG, 16);
        float[] g16 = w.getGradient().toFloatArray();
        for (int i = 0; i < g1.length; i++) {
            assertEquals(16 * g1[i], g16[i], 1e-4 * Math.abs(g16[i]) + 1e-9);
        }
    }

    /**
     * Every G weight reaches the loss through D, whose leaky ReLUs make it only piecewise smooth in
     * them: a small step and a 1 % tolerance (a wrong gain, sign or missing term is far outside
     * it).
     */
    @Test
    void gmainGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(
                LossPhase.GMAIN,
                "Loss/G/loss",
                model.trainingGenerator(),
                "synthesis.b8.torgb.weight",
                2e-3,
                1e-2);
    }

    @Test
    void gregGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(
                LossPhase.GREG,
                "Loss/G/reg",
                model.trainingGenerator(),
                "synthesis.b8.torgb.weight",
                1e-2,
                3e-3);
    }

    @Test
    void dmainGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(
                LossPhase.DMAIN, "Loss/D/loss", model.discriminator(), "b4.out.weight", 1e-2, 3e-3);
    }

    @Test
    void dregGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(
                LossPhase.DREG, "Loss/D/reg", model.discriminator(), "b4.out.weight", 1e-2, 3e-3);
    }

    /**
     * p = 1: every image D sees is augmented, and the fakes' gradient reaches G through the
     * augmentation. The central differences of the float32 loss scatter by about 1 % over steps
     * from 2.5e-4 to 4e-3 here (D's leaky ReLUs), so 2 %; a gradient that stopped at the
     * augmentation or went to the wrong pixels is far off.
     */
    @Test
    void gmainGradientThroughTheAugmentationMatchesFiniteDifferences() {
        augment = AugmentOptions.fixed(1);
        checkAgainstFiniteDifferences(
                LossPhase.GMAIN,
                "Loss/G/loss",
                model.trainingGenerator(),
                "synthesis.b8.torgb.weight",
                1e-3,
                2e-2);
        run(loss(), LossPhase.GMAIN, 1);
        assertTrue(gradientNorm(model.trainingGenerator()) > 0);
    }

    @Test
    void dmainGradientThroughTheAugmentationMatchesFiniteDifferences() {
        augment = AugmentOptions.fixed(1);
        dmainGradientMatchesFiniteDifferencesOfItsLoss();
    }

    /** R1 through the augmentation: ∇ of D(augment(x)) w.r.t. the un-augmented reals x. */
    @Test
    void dregGradientThroughTheAugmentationMatchesFiniteDifferences() {
        augment = AugmentOptions.fixed(1);
        dregGradientMatchesFiniteDifferencesOfItsLoss();
    }

    /**
     * Each phase that runs D shows it augmented images at p = 1: its scores and penalties change.
     */
    @Test
    void augmentationReachesEveryImageDSees() {
        Map<String, Double> plain = runAll();
        augment = AugmentOptions.fixed(1);
        Map<String, Double> augmented = runAll();
        for (String stat :
                new String[] {
                    "G/Loss/scores/fake",
                    "D/Loss/scores/fake",
                    "D/Loss/scores/real",
                    "R/Loss/r1_penalty"
                }) {
            assertTrue(Double.isFinite(augmented.get(stat)), stat);
            assertNotEquals(plain.get(stat), augmented.get(stat), stat);
        }
        assertEquals(
                plain.get("P/Loss/pl_penalty"),
                augmented.get("P/Loss/pl_penalty"),
                "Greg runs no D");
    }

    /**
     * At p = 0 the pipe is a no-op: every phase reports exactly what it does without augmentation.
     */
    @Test
    void adaptiveAugmentationAtZeroProbabilityChangesNothing() {
        Map<String, Double> plain = runAll();
        augment = AugmentOptions.ada();
        // Exactly: at p = 0 the pipe returns its input untouched, so both runs are the same
        // computation.
        assertEquals(plain, runAll());
    }

    /** Stats of Gmain, Greg, Dmain and Dreg on fresh losses, prefixed G/, P/, D/, R/. */
    private Map<String, Double> runAll() {
        Map<String, Double> all = new java.util.TreeMap<>();
        String[] prefix = {"G/", "P/", "D/", "R/"};
        LossPhase[] phases = {LossPhase.GMAIN, LossPhase.GREG, LossPhase.DMAIN, LossPhase.DREG};
        for (int i = 0; i < phases.length; i++) {
            String p = prefix[i];
            run(loss(), phases[i], 1).forEach((k, v) -> all.put(p + k, v));
            Tiny.zeroGradients(
                    phases[i].trainsGenerator()
                            ? model.trainingGenerator()
                            : model.discriminator());
        }
        return all;
    }

    /**
     * d(loss)/dθ along a random direction of one weight tensor, from the phase's backward pass and
     * from central differences of the loss it reports; the weights are ones after which no
     * activation follows, so the loss is smooth in them. A fresh loss per evaluation keeps the path
     * length mean fixed.
     */
    private void checkAgainstFiniteDifferences(
            LossPhase phase, String stat, Module net, String param, double eps, double tolerance) {
        NDArray w = Tiny.param(net, param);
        float[] w0 = w.toFloatArray();
        float[] v = Tiny.direction(w, 31);
        DoubleUnaryOperator lossAt =
                t -> {
                    Tiny.setAlong(w, w0, v, t);
                    double value = run(loss(), phase, 1).get(stat);
                    Tiny.zeroGradients(net);
                    return value;
                };
        double fd = (lossAt.applyAsDouble(eps) - lossAt.applyAsDouble(-eps)) / (2 * eps);
        Tiny.setAlong(w, w0, v, 0);
        run(loss(), phase, 1);
        double analytic = Tiny.dot(w.getGradient().toFloatArray(), v);
        assertFalse(fd == 0, "the loss depends on " + param);
        assertEquals(fd, analytic, tolerance * Math.abs(fd) + 1e-6, phase + " along " + param);
    }
}
