package sc.fiji.stylegan2.model.network.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/** The v1 layers against values computed by hand. Tolerances: float32 sums of a few terms. */
class StyleLayersTest {

    @Test
    void instanceNormThenAdaInRestoresTheStylesMeanAndScale() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(1);
            int c = 3;
            NDArray x = m.randomNormal(new Shape(2, c, 6, 6)).mul(5).add(2);
            StyleModulation mod = new StyleModulation(m, 4, c);
            float[] ys = {0.5f, -0.25f, 2f}; // the styles' scale is y_s + 1
            float[] yb = {1f, -3f, 0.125f};
            mod.namedParameters().get("affine.weight").set(new float[4 * 2 * c]);
            float[] bias = new float[2 * c];
            System.arraycopy(ys, 0, bias, 0, c);
            System.arraycopy(yb, 0, bias, c, c);
            mod.namedParameters().get("affine.bias").set(bias);
            NDArray y = mod.forward(InstanceNorm.apply(x), m.randomNormal(new Shape(2, 4)));
            float[] mean = InstanceNorm.pixelMean(y).toFloatArray();
            float[] rms =
                    InstanceNorm.pixelMean(y.sub(InstanceNorm.pixelMean(y)).square())
                            .sqrt()
                            .toFloatArray();
            for (int n = 0; n < 2; n++) {
                for (int ch = 0; ch < c; ch++) {
                    assertEquals(yb[ch], mean[n * c + ch], 1e-5);
                    assertEquals(Math.abs(ys[ch] + 1), rms[n * c + ch], 1e-4);
                }
            }
        }
    }

    @Test
    void blurOfAConstantIsTheConstantAwayFromTheBorder() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.full(new Shape(1, 2, 6, 6), 3.5f);
            NDArray y = Resample.blur(x, Resample.blurFilter(m));
            float[] inner = y.get(":, :, 1:5, 1:5").toFloatArray();
            for (float v : inner) {
                assertEquals(3.5f, v, 1e-6);
            }
            // at a corner, zero padding leaves (2+1)/4 of each axis's weight: 3.5 · 9/16
            assertEquals(3.5 * 9 / 16, y.getFloat(0, 0, 0, 0), 1e-6);
        }
    }

    @Test
    void fusedUpsamplingConvolutionEqualsUpscaleThenConvolution() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(2);
            EqualizedConv2d fused = conv(m, EqualizedConv2d.Resampling.UP, true);
            EqualizedConv2d twoStep = conv(m, EqualizedConv2d.Resampling.UP, false);
            twoStep.namedParameters()
                    .get("weight")
                    .set(fused.namedParameters().get("weight").toFloatArray());
            NDArray x = m.randomNormal(new Shape(2, 3, 5, 5));
            NDArray a = fused.forward(x);
            assertEquals(new Shape(2, 4, 10, 10), a.getShape());
            assertArrayEquals(twoStep.forward(x).toFloatArray(), a.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void fusedDownsamplingConvolutionEqualsConvolutionThenAverage() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(3);
            EqualizedConv2d fused = conv(m, EqualizedConv2d.Resampling.DOWN, true);
            EqualizedConv2d twoStep = conv(m, EqualizedConv2d.Resampling.DOWN, false);
            twoStep.namedParameters()
                    .get("weight")
                    .set(fused.namedParameters().get("weight").toFloatArray());
            NDArray x = m.randomNormal(new Shape(2, 3, 8, 8));
            NDArray a = fused.forward(x);
            assertEquals(new Shape(2, 4, 4, 4), a.getShape());
            assertArrayEquals(twoStep.forward(x).toFloatArray(), a.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void noiseIsScaledPerChannelAndAdded() {
        try (NDManager m = NDManager.newBaseManager()) {
            NoiseInjection noise =
                    new NoiseInjection(
                            "layer", 2, m.create(new float[] {2f, -1f}), m.zeros(new Shape(2, 2)));
            NDArray map = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray y =
                    noise.forward(
                            m.zeros(new Shape(1, 2, 2, 2)),
                            SynthesisOptions.of(NoiseMode.CONST)
                                    .withNoiseInputs(Map.of("layer", map)));
            assertArrayEquals(new float[] {2, 4, 6, 8, -1, -2, -3, -4}, y.toFloatArray());
        }
    }

    private static EqualizedConv2d conv(
            NDManager m, EqualizedConv2d.Resampling resampling, boolean fused) {
        return new EqualizedConv2d(m, 3, 4, 3, Math.sqrt(2), resampling, fused);
    }
}
