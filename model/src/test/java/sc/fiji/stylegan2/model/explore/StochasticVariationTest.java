package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.testutil.Fixtures;
import sc.fiji.stylegan2.model.testutil.Float32;
import sc.fiji.stylegan2.model.testutil.Images;

/** Stochastic variation on the 64 px fixture, whose noise strengths are non-zero. */
class StochasticVariationTest {

    private static StyleGAN2Model model;
    private static float[] ws;

    @BeforeAll
    static void load() throws Exception {
        model =
                StyleGAN2Model.load(
                        Fixtures.root().resolve("res64-gray/network-snapshot-000000.pkl"));
        ws = model.imageGenerator().mapSeeds(new long[] {1}, 1.0, null);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static GeneratedImages run(String noiseLayers, int samples, int batch) {
        NoiseLayers noise = NoiseLayers.parse("noise_layers", noiseLayers, model.generator());
        return new StochasticVariation(model.generator(), model.intensity(), model.manager())
                .run(ws, "seed=1", samples, noise, OutputRange.RAW, batch, ProgressListener.NONE);
    }

    @Test
    void noiseLayerGroupsSelectTheConvolutionsOfTheirResolutions() {
        assertEquals(
                List.of("synthesis.b64.conv0", "synthesis.b64.conv1"),
                NoiseLayers.parse("noise_layers", "fine", model.generator()).layers());
        assertEquals(
                9, NoiseLayers.parse("noise_layers", "all", model.generator()).layers().size());
        assertEquals(
                List.of(), NoiseLayers.parse("noise_layers", "none", model.generator()).layers());
        assertEquals(
                NoiseLayers.of(model.generator(), EnumSet.of(StyleGroup.COARSE, StyleGroup.MIDDLE))
                        .layers(),
                NoiseLayers.parse("noise_layers", "coarse+middle", model.generator()).layers());
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> NoiseLayers.parse("noise_layers", "most", model.generator()));
        assertTrue(
                e.getMessage().startsWith("noise_layers 'most' is not valid: use all, none"),
                e.getMessage());
    }

    @Test
    void withoutNoiseEverySampleIsTheSameAndTheStdIsZero() {
        GeneratedImages samples = run("none", 3, 3);
        assertArrayEquals(samples.plane(0, 0), samples.plane(2, 0), 1e-6f);
        float[] std = PixelStatistics.std(samples, "std").data();
        assertEquals(0, Arrays.stream(toDouble(std)).max().orElseThrow(), 1e-6);
    }

    @Test
    void samplesDifferWithNoiseAndDoNotDependOnTheBatchSize() {
        GeneratedImages oneByOne = run("all", 3, 1);
        GeneratedImages together = run("all", 3, 3);
        assertEquals(
                List.of("seed=1 noise=0", "seed=1 noise=1", "seed=1 noise=2"), together.labels());
        // Batches of one and of three are different kernels (summation orders): equal up to
        // rounding.
        Images.assertImagesClose(
                oneByOne.data(),
                together.data(),
                Float32.synthesis(model.config(), oneByOne.data()),
                "batch 1 against batch 3");
        assertTrue(Images.maxAbsDiff(together.plane(0, 0), together.plane(1, 0)) > 1e-3);
    }

    @Test
    void fineNoiseAloneVariesTheImageLessThanNoiseEverywhere() {
        double fine = mean(PixelStatistics.std(run("fine", 4, 4), "std").data());
        double all = mean(PixelStatistics.std(run("all", 4, 4), "std").data());
        assertTrue(fine > 0 && fine < all, "mean std fine " + fine + ", all " + all);
    }

    @Test
    void stdIsThePopulationStdOfEachPixel() {
        GeneratedImages imgs =
                new GeneratedImages(new float[] {1, 10, 3, 10}, 2, 1, 1, 2, List.of("a", "b"));
        assertArrayEquals(new float[] {1, 0}, PixelStatistics.std(imgs, "s").data(), 1e-6f);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double mean(float[] v) {
        return Arrays.stream(toDouble(v)).average().orElseThrow();
    }
}
