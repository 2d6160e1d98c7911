package sc.fiji.stylegan2.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.Test;

/**
 * {@link Conv2dLayer} folds the activation gain into its weight and bias, also where it clamps: its
 * output must be the official {@code bias_act} order, {@code clamp(act(conv(x, w·g_w) + b)·g,
 * ±clamp·gain)}, computed here op by op.
 */
class Conv2dLayerTest {

    @Test
    void clampedLayerMatchesTheOfficialBiasActOrder() {
        double clamp = 0.5;
        double gain = Math.sqrt(0.5); // the residual paths' extra gain
        try (NDManager m = NDManager.newBaseManager()) {
            Conv2dLayer layer =
                    new Conv2dLayer(
                            m,
                            4,
                            6,
                            3,
                            true,
                            Activation.LRELU,
                            1,
                            1,
                            new float[] {1, 3, 3, 1},
                            clamp);
            NDArray weight = layer.namedParameters().get("weight");
            NDArray bias = layer.namedParameters().get("bias");
            bias.set(new float[] {-0.3f, -0.1f, 0f, 0.1f, 0.2f, 0.4f});
            NDArray x = m.randomNormal(new Shape(2, 4, 8, 8));

            float[] actual = layer.forward(x, gain).toFloatArray();

            double weightGain = 1 / Math.sqrt(4 * 3 * 3);
            NDArray conv =
                    Conv2d.conv2d(
                                    x,
                                    weight.mul(weightGain),
                                    null,
                                    new Shape(1, 1),
                                    new Shape(1, 1),
                                    new Shape(1, 1),
                                    1)
                            .singletonOrThrow();
            NDArray act = ai.djl.nn.Activation.leakyRelu(conv.add(bias.reshape(1, -1, 1, 1)), 0.2f);
            double actGain = Activation.LRELU.defaultGain() * gain;
            float[] expected = act.mul(actGain).clip(-clamp * gain, clamp * gain).toFloatArray();

            int clamped = 0;
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "value " + i);
                clamped += Math.abs(expected[i]) >= clamp * gain - 1e-6 ? 1 : 0;
            }
            assertTrue(clamped > 0, "the clamp must act on some values for this test to mean it");
        }
    }
}
