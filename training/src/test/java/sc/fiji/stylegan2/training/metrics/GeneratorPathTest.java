package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.network.Generator;

/** The path length on a real (untrained) StyleGAN2 generator. */
class GeneratorPathTest {

    @Test
    void theSameSeedMeasuresTheSamePathLengthAndItIsPositive() {
        try (NDManager m = NDManager.newBaseManager();
                FashionFeatures f = FashionFeatures.load()) {
            Engine.getInstance().setRandomSeed(0);
            GeneratorPath g =
                    new GeneratorPath(new Generator(m, MetricFloorBenchmark.smallConfig()), m);
            PerceptualPathLength ppl =
                    new PerceptualPathLength(f, PerceptualPathLength.Input.SIGNED);
            PathLengthOptions o = PathLengthOptions.ofMetric("ppl_wend", 12, 6, 3);
            double first = ppl.compute(g, o, ProgressListener.NONE).ppl();
            double again = ppl.compute(g, o, ProgressListener.NONE).ppl();
            assertTrue(first > 0 && Double.isFinite(first), "ppl " + first);
            assertEquals(first, again);
        }
    }

    @Test
    void bothImagesOfAPairGetTheSameFreshNoise() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(0);
            Generator generator = new Generator(m, MetricFloorBenchmark.smallConfig());
            // noise_strength starts at 0 (official init): turn the noise on
            generator.stateDict().entrySet().stream()
                    .filter(e -> e.getKey().endsWith(".noise_strength"))
                    .forEach(e -> e.getValue().set(new float[] {1}));
            GeneratorPath g = new GeneratorPath(generator, m);
            float[] z = new float[2 * g.zDim()];
            for (int k = 0; k < g.zDim(); k++) {
                z[k] = z[g.zDim() + k] = (float) Math.sin(k);
            }
            float[] ws = g.mapping(z, 2, null);
            float[] img = g.synthesis(ws, 2, 5);
            int per = img.length / 2;
            float[] first = Arrays.copyOfRange(img, 0, per);
            assertArrayEquals(first, Arrays.copyOfRange(img, per, 2 * per), 1e-5f);
            float[] otherNoise = Arrays.copyOfRange(g.synthesis(ws, 2, 6), 0, per);
            assertFalse(Arrays.equals(first, otherNoise));
        }
    }
}
