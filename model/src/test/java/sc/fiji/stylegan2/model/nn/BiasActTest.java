package sc.fiji.stylegan2.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * {@link BiasAct} with a clamp runs as one TorchScript module: its values must be the official
 * order {@code clamp(act(x + b)·gain, ±clamp)} computed op by op, at inference (in place) and under
 * autograd, and its gradient must be {@code act'(x + b)·gain} where the output is inside the clamp
 * and zero where it is clamped.
 */
class BiasActTest {

    private static final double ALPHA = Activation.LRELU.alpha();

    private static NDManager m;

    @BeforeAll
    static void setUp() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        m.close();
    }

    /** {@code clamp(act(x + b)·gain, ±clamp)} of one value, in double. */
    private static double reference(double x, double b, Activation act, double gain, double clamp) {
        double y = x + b;
        if (act == Activation.LRELU && y < 0) {
            y *= ALPHA;
        }
        return Math.max(-clamp, Math.min(clamp, y * gain));
    }

    /** Values spread over ±3 so that a clamp of 1 acts on some of them. */
    private static float[] values(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (3 * Math.sin(1.7 * i + 0.3));
        }
        return v;
    }

    @Test
    void clampedValuesFollowTheOfficialOrderAtInferenceAndUnderAutograd() {
        float[] xs = values(2 * 3 * 4 * 4);
        float[] bs = {-0.5f, 0.25f, 1f};
        for (Activation act : Activation.values()) {
            for (boolean withBias : new boolean[] {false, true}) {
                for (double gain : new double[] {1, Math.sqrt(2)}) {
                    double clamp = 1;
                    float[] expected = new float[xs.length];
                    for (int i = 0; i < xs.length; i++) {
                        float b = withBias ? bs[(i / 16) % 3] : 0;
                        expected[i] = (float) reference(xs[i], b, act, gain, clamp);
                    }
                    String what = act + (withBias ? " with bias" : "") + " gain " + gain;
                    NDArray bias = withBias ? m.create(bs) : null;

                    NDArray x = m.create(xs, new Shape(2, 3, 4, 4));
                    float[] inference = BiasAct.apply(x, bias, act, gain, clamp).toFloatArray();
                    assertArrayEquals(expected, inference, 1e-6f, what + ", inference");

                    NDArray xg = m.create(xs, new Shape(2, 3, 4, 4));
                    xg.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        // A fresh non-leaf input, as the layers pass; the constant lives in
                        // libtorch memory (Scalars), as every constant under autograd must.
                        NDArray y = BiasAct.apply(Scalars.mul(xg, 1), bias, act, gain, clamp);
                        assertArrayEquals(expected, y.toFloatArray(), 1e-6f, what + ", autograd");
                        gc.backward(y.sum());
                    }
                    float[] grad = xg.getGradient().toFloatArray();
                    int clamped = 0;
                    for (int i = 0; i < xs.length; i++) {
                        float b = withBias ? bs[(i / 16) % 3] : 0;
                        boolean atClamp = Math.abs(expected[i]) >= clamp - 1e-6;
                        double slope = act == Activation.LRELU && xs[i] + b < 0 ? ALPHA : 1;
                        assertEquals(atClamp ? 0 : slope * gain, grad[i], 1e-6, what + " " + i);
                        clamped += atClamp ? 1 : 0;
                    }
                    assertTrue(clamped > 0 && clamped < xs.length, what + ": the clamp must act");
                }
            }
        }
    }

    @Test
    void aClampOnTwoDimensionalFeaturesBroadcastsTheBiasOverAxisOne() {
        NDArray x = m.create(new float[] {-1, 2, 0.5f, -3}, new Shape(2, 2));
        NDArray y = BiasAct.apply(x, m.create(new float[] {0, 1}), Activation.LRELU, 1, 2.5);
        // rows: [-1 + 0, 2 + 1], [0.5 + 0, -3 + 1]; leaky ReLU, then clamp at 2.5
        assertArrayEquals(new float[] {-0.2f, 2.5f, 0.5f, -0.4f}, y.toFloatArray(), 1e-6f);
    }
}
