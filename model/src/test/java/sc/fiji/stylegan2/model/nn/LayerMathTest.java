package sc.fiji.stylegan2.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Layer maths on tiny inputs with expectations computed by hand or by a naive reference. */
class LayerMathTest {

    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void demodulatedWeightsHaveUnitNormPerOutputChannel() {
        NDArray weight = m.randomNormal(new Shape(5, 3, 3, 3));
        NDArray styles = m.randomUniform(0.1f, 3f, new Shape(2, 3));
        NDArray w = ModulatedConv2d.modulate(weight, styles);
        NDArray demod = w.mul(ModulatedConv2d.demodulationCoefficients(w).reshape(2, 5, 1, 1, 1));
        float[] norms = demod.square().sum(new int[] {2, 3, 4}).sqrt().toFloatArray();
        for (float n : norms) {
            assertEquals(1.0, n, 1e-5);
        }
    }

    @Test
    void modulationScalesEachInputChannelByItsStyle() {
        NDArray weight = m.ones(new Shape(1, 2, 1, 1));
        NDArray styles = m.create(new float[] {2, -3}, new Shape(1, 2));
        assertArrayEquals(
                new float[] {2, -3}, ModulatedConv2d.modulate(weight, styles).toFloatArray(), 0f);
    }

    @Test
    void upsamplingConstantImageGivesTheConstantAwayFromBorders() {
        NDArray f = Upfirdn2d.setupFilter(m, new float[] {1, 3, 3, 1});
        NDArray x = m.full(new Shape(1, 2, 6, 6), 0.75f);
        NDArray y = Upfirdn2d.upsample2d(x, f);
        assertArrayEquals(new long[] {1, 2, 12, 12}, y.getShape().getShape());
        float[] inner = y.get(new NDIndex(":, :, 2:10, 2:10")).toFloatArray();
        for (float v : inner) {
            assertEquals(0.75, v, 1e-6);
        }
    }

    @Test
    void downsamplingConstantImageGivesTheConstantAwayFromBorders() {
        NDArray f = Upfirdn2d.setupFilter(m, new float[] {1, 3, 3, 1});
        NDArray y = Upfirdn2d.downsample2d(m.full(new Shape(1, 1, 8, 8), -2f), f);
        assertArrayEquals(new long[] {1, 1, 4, 4}, y.getShape().getShape());
        for (float v : y.get(new NDIndex(":, :, 1:3, 1:3")).toFloatArray()) {
            assertEquals(-2, v, 1e-6);
        }
    }

    @Test
    void binomialFilterIsNormalisedOuterProduct() {
        float[] f = Upfirdn2d.setupFilter(m, new float[] {1, 3, 3, 1}).toFloatArray();
        assertEquals(1 / 64f, f[0], 1e-9);
        assertEquals(9 / 64f, f[5], 1e-9);
        assertEquals(3 / 64f, f[1], 1e-9);
    }

    @Test
    void upsampleOfImpulseIsTheFilterTimesFour() {
        // A single 1 at (1,1) of a 4x4 image: after zero insertion it sits at (2,2), and the
        // official
        // padding (2 before) centres the 4x4 filter, times gain 4, on rows/cols 1..4.
        NDArray f = Upfirdn2d.setupFilter(m, new float[] {1, 3, 3, 1});
        NDArray x = m.zeros(new Shape(1, 1, 4, 4));
        x.set(new NDIndex("0, 0, 1, 1"), 1f);
        NDArray y = Upfirdn2d.upsample2d(x, f);
        float[] expected = f.mul(4).toFloatArray();
        assertArrayEquals(expected, y.get(new NDIndex("0, 0, 1:5, 1:5")).toFloatArray(), 1e-6f);
        assertEquals(1.0 * 4, y.sum().getFloat(), 1e-5); // gain 4 keeps the mean: sum grows by up²
    }

    @Test
    void polyphaseUpsampleConvEqualsZeroInsertionReference() {
        // Reference: the official fallback path, upfirdn2d(up=2) with the FIR filter, then a plain
        // conv.
        NDArray f = Upfirdn2d.setupFilter(m, new float[] {1, 3, 3, 1});
        NDArray x = m.randomNormal(new Shape(2, 3, 5, 5));
        NDArray w = m.randomNormal(new Shape(4, 3, 3, 3));
        // conv2d_resample(up=2, padding=1, flip_weight=False): px0 = 1 + 2, px1 = 1 + 1 before the
        // conv.
        NDArray up = Upfirdn2d.upfirdn2d(x, f, 2, 1, new int[] {3, 2, 3, 2}, 4, false);
        NDArray ref =
                Conv2d.conv2d(
                                up,
                                w.flip(2, 3),
                                null,
                                new Shape(1, 1),
                                new Shape(0, 0),
                                new Shape(1, 1),
                                1)
                        .singletonOrThrow();
        NDArray ours = Conv2dResample.apply(x, w, f, 2, 1, 1, 1, false);
        assertArrayEquals(ref.getShape().getShape(), ours.getShape().getShape());
        assertArrayEquals(ref.toFloatArray(), ours.toFloatArray(), 1e-4f);
    }

    @Test
    void equalizedLearningRateScalesWeightsAtRuntime() {
        FullyConnectedLayer fc = new FullyConnectedLayer(m, 4, 2, Activation.LINEAR, 0.01, 0.5);
        fc.namedParameters().get("weight").set(new float[] {1, 1, 1, 1, 2, 2, 2, 2});
        NDArray y = fc.forward(m.ones(new Shape(1, 4)));
        // y = x · (w · lr/sqrt(4)) + b · lr
        assertArrayEquals(
                new float[] {4 * 0.005f + 0.005f, 8 * 0.005f + 0.005f}, y.toFloatArray(), 1e-7f);
    }

    @Test
    void leakyReluUsesSlopePointTwoAndGainSqrtTwo() {
        NDArray y =
                BiasAct.apply(
                        m.create(new float[] {-1, 2}, new Shape(1, 2)),
                        m.create(new float[] {0, 1}),
                        Activation.LRELU,
                        Math.sqrt(2),
                        2.5);
        assertArrayEquals(
                new float[] {(float) (-0.2 * Math.sqrt(2)), 2.5f}, y.toFloatArray(), 1e-6f);
    }
}
