package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The phases on tiny networks: which network each one trains, the gain, and each phase's gradient against
 * finite differences of the loss it reports (with noise, latents and mixing fixed by seeds).
 */
class StyleGAN2LossTest {

    private StyleGAN2Model model;
    private GradientOp op;
    private NDArray reals;
    private NDArray z;

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
        return new StyleGAN2Loss(model.trainingGenerator(), model.discriminator(), new StyleMixing(0.9),
                new R1Penalty(0.5, op), new PathLengthPenalty(2, 0.01, 0.3, op), 2);
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
        model.trainingGenerator().namedParameters().forEach((k, p) -> assertTrue(p.hasGradient(), k));
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
     * Every G weight reaches the loss through D, whose leaky ReLUs make it only piecewise smooth in them: a
     * small step and a 1 % tolerance (a wrong gain, sign or missing term is far outside it).
     */
    @Test
    void gmainGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(LossPhase.GMAIN, "Loss/G/loss", model.trainingGenerator(),
                "synthesis.b8.torgb.weight", 2e-3, 1e-2);
    }

    @Test
    void gregGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(LossPhase.GREG, "Loss/G/reg", model.trainingGenerator(),
                "synthesis.b8.torgb.weight", 1e-2, 3e-3);
    }

    @Test
    void dmainGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(LossPhase.DMAIN, "Loss/D/loss", model.discriminator(), "b4.out.weight", 1e-2,
                3e-3);
    }

    @Test
    void dregGradientMatchesFiniteDifferencesOfItsLoss() {
        checkAgainstFiniteDifferences(LossPhase.DREG, "Loss/D/reg", model.discriminator(), "b4.out.weight", 1e-2,
                3e-3);
    }

    /**
     * d(loss)/dθ along a random direction of one weight tensor, from the phase's backward pass and from
     * central differences of the loss it reports; the weights are ones after which no activation follows, so
     * the loss is smooth in them. A fresh loss per evaluation keeps the path length mean fixed.
     */
    private void checkAgainstFiniteDifferences(LossPhase phase, String stat, Module net, String param, double eps,
            double tolerance) {
        NDArray w = Tiny.param(net, param);
        float[] w0 = w.toFloatArray();
        float[] v = Tiny.direction(w, 31);
        DoubleUnaryOperator lossAt = t -> {
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
