package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.DiscriminatorNetwork;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.data.AdaptiveAugment;

class R1PenaltyTest {

    @Test
    void penaltyOfAQuadraticCriticIsFourASquaredTimesSumOfSquares() {
        // D(x) = a Σ x² per image: ∇_x D = 2a x, so ‖∇‖² = 4a² Σ x², and the loss is γ/2 of it.
        double a = 0.5, gamma = 10;
        float[] x = {1, -2, 0.5f, 3, /* image 2 */ 0, 1, 1, -1};
        try (NDManager m = NDManager.newBaseManager();
                GradientOp op = new GradientOp(m)) {
            NDArray reals = m.create(x, new Shape(2, 1, 2, 2));
            reals.setRequiresGradient(true);
            R1Penalty r1 = new R1Penalty(gamma, op);
            float[] penalty;
            float[] loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits =
                        reals.square().mul((float) a).sum(new int[] {1, 2, 3}).reshape(2, 1);
                NDArray p = r1.penalty(logits, reals);
                penalty = p.toFloatArray();
                loss = r1.loss(p).toFloatArray();
            }
            float p1 = (float) (4 * a * a * (1 + 4 + 0.25 + 9)), p2 = (float) (4 * a * a * 3);
            assertArrayEquals(new float[] {p1, p2}, penalty, 1e-5f);
            assertArrayEquals(
                    new float[] {(float) (gamma / 2 * p1), (float) (gamma / 2 * p2)}, loss, 1e-4f);
        }
    }

    @Test
    void realImageGradientMatchesFiniteDifferencesOnATinyDiscriminator() {
        try (StyleGAN2Model model = Tiny.model(1, 3);
                GradientOp op = new GradientOp(model.manager())) {
            double[] r = alongDirection(model, op, reals(model), x -> x);
            assertEquals(r[1], r[0], 0.02 * Math.abs(r[1]) + 1e-4);
        }
    }

    /**
     * With ADA, R1 takes ∇_x D(augment(x)) w.r.t. the un-augmented reals (official: {@code
     * requires_grad} set before {@code run_D}): the gradient passes back through the augmentation
     * and matches finite differences of D(augment(x)) with the same random draws.
     */
    @Test
    void realImageGradientThroughTheAugmentationMatchesFiniteDifferences() {
        AdaptiveAugment augment =
                AdaptiveAugment.builder().optTarget(null).optInitialProbability(1).build();
        try (StyleGAN2Model model = Tiny.model(1, 3);
                GradientOp op = new GradientOp(model.manager())) {
            float[] x0 = reals(model);
            double[] r =
                    alongDirection(model, op, x0, x -> augment.apply(x, new java.util.Random(8)));
            double plain = alongDirection(model, op, x0, x -> x)[0];
            assertEquals(r[1], r[0], 0.02 * Math.abs(r[1]) + 1e-4);
            assertTrue(
                    Math.abs(r[0] - plain) > 0.1 * Math.abs(r[1]),
                    "the augmentation changes the gradient");
        }
    }

    /** A random batch of 4 one-channel images in [-1, 1]. */
    private static float[] reals(StyleGAN2Model model) {
        return model.manager().randomUniform(-1, 1, Tiny.imageShape(4, 1)).toFloatArray();
    }

    /**
     * For {@code Σ D(f(x))} at x0 and a fixed direction v: {@code {∇_x · v from the gradient op,
     * the central finite difference along v}}.
     */
    private static double[] alongDirection(
            StyleGAN2Model model, GradientOp op, float[] x0, UnaryOperator<NDArray> f) {
        DiscriminatorNetwork d = model.discriminator();
        NDManager m = model.manager();
        float[] v = Tiny.direction(m.create(x0), 11);
        NDArray x = m.create(x0, Tiny.imageShape(4, 1));
        x.setRequiresGradient(true);
        float[] grad;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            grad = op.gradient(d.forward(f.apply(x)), x).toFloatArray();
        }
        DoubleUnaryOperator sumD =
                t -> {
                    float[] xt = new float[x0.length];
                    for (int i = 0; i < xt.length; i++) {
                        xt[i] = (float) (x0[i] + t * v[i]);
                    }
                    return d.forward(f.apply(m.create(xt, Tiny.imageShape(4, 1)))).sum().getFloat();
                };
        double eps = 1e-2;
        return new double[] {
            Tiny.dot(grad, v), (sumD.applyAsDouble(eps) - sumD.applyAsDouble(-eps)) / (2 * eps)
        };
    }

    /**
     * The penalty's gradient w.r.t. D's output layer: no activation follows it, so ∇_x D is linear
     * in those weights and the penalty exactly quadratic (the leaky ReLUs make it discontinuous in
     * earlier weights, where finite differences say nothing).
     */
    @Test
    void penaltyGradientOnDWeightsMatchesFiniteDifferences() {
        try (StyleGAN2Model model = Tiny.model(1, 4);
                GradientOp op = new GradientOp(model.manager())) {
            DiscriminatorNetwork d = model.discriminator();
            NDManager m = model.manager();
            NDArray reals = m.randomUniform(-1, 1, Tiny.imageShape(4, 1));
            R1Penalty r1 = new R1Penalty(1, op);
            Tiny.Slopes s =
                    Tiny.slopesAlong(
                            Tiny.param(d, "b4.out.weight"),
                            12,
                            reals,
                            x -> r1.penalty(d.forward(x), x).mean());
            assertEquals(
                    s.finiteDifferences(),
                    s.autograd(),
                    1e-3 * Math.abs(s.finiteDifferences()) + 1e-6);
        }
    }
}
