package sc.fiji.stylegan2.model.network.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/** The level of detail of the v1 synthesis network and discriminator. */
class ProgressiveGrowingTest {

    static GeneratorConfig tinyConfig() {
        return GeneratorConfig.builder()
                .setZDim(8)
                .setWDim(8)
                .setMappingLayers(2)
                .setResolution(16)
                .setImgChannels(2)
                .setChannelBase(64)
                .setChannelMax(8)
                .optArchitecture(Architecture.STYLEGAN1)
                .build();
    }

    private static float[] synth(StyleSynthesisNetwork g, NDArray ws, double lod) {
        g.setLod(lod);
        return g.forward(ws, SynthesisOptions.of(NoiseMode.CONST)).toFloatArray();
    }

    @Test
    void fadeInBlendsTheHigherAndTheLowerResolutionLinearly() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(4);
            StyleSynthesisNetwork g = new StyleSynthesisNetwork(m, tinyConfig());
            NDArray ws = m.randomNormal(new Shape(2, 6, 8));
            float[] high = synth(g, ws, 0); // alpha 1: the new resolution only
            float[] low = synth(g, ws, 1); // alpha 0: the upscaled lower resolution only
            float[] mid = synth(g, ws, 0.25);
            float[] expected = new float[high.length];
            for (int i = 0; i < high.length; i++) {
                expected[i] = 0.75f * high[i] + 0.25f * low[i];
            }
            assertArrayEquals(expected, mid, 1e-5f);
        }
    }

    @Test
    void aCoarserLevelOfDetailGivesBlocksOfEqualPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(5);
            StyleSynthesisNetwork g = new StyleSynthesisNetwork(m, tinyConfig());
            NDArray ws = m.randomNormal(new Shape(1, 6, 8));
            g.setLod(2); // 4x4 upscaled to 16x16
            NDArray img = g.forward(ws, SynthesisOptions.of(NoiseMode.CONST));
            assertEquals(new Shape(1, 2, 16, 16), img.getShape());
            assertArrayEquals(
                    Resample.upscale(Resample.downscale(img, 4), 4).toFloatArray(),
                    img.toFloatArray(),
                    1e-6f);
        }
    }

    @Test
    void discriminatorAtLodOneSeesOnlyTheHalfResolutionImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(6);
            ProgressiveDiscriminator d =
                    new ProgressiveDiscriminator(
                            m, new DiscriminatorConfig(16, 2, 64, 8, 2, 1, null));
            NDArray img = m.randomNormal(new Shape(2, 2, 16, 16));
            NDArray blocky = Resample.upscale(Resample.downscale(img, 2), 2);
            d.setLod(1);
            assertArrayEquals(
                    d.forward(blocky).toFloatArray(), d.forward(img).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void discriminatorFadeInDependsOnTheFullResolution() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(7);
            ProgressiveDiscriminator d =
                    new ProgressiveDiscriminator(
                            m, new DiscriminatorConfig(16, 2, 64, 8, 2, 1, null));
            NDArray img = m.randomNormal(new Shape(2, 2, 16, 16));
            NDArray blocky = Resample.upscale(Resample.downscale(img, 2), 2);
            d.setLod(0.5);
            float[] a = d.forward(img).toFloatArray();
            float[] b = d.forward(blocky).toFloatArray();
            assertEquals(true, Math.abs(a[0] - b[0]) > 1e-6, "logits " + a[0] + " " + b[0]);
        }
    }

    @Test
    void lodOutsideTheNetworksLevelsIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            StyleSynthesisNetwork g = new StyleSynthesisNetwork(m, tinyConfig());
            assertThrows(IllegalArgumentException.class, () -> g.setLod(2.5));
            assertThrows(IllegalArgumentException.class, () -> g.setLod(-0.1));
        }
    }
}
