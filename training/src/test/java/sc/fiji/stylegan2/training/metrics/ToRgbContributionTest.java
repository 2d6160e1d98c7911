package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

class ToRgbContributionTest {

    private static float[] ws(GeneratorPath path, int b) {
        float[] z = new float[b * path.zDim()];
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) Math.sin(0.7 * k);
        }
        return path.mapping(z, b, null);
    }

    @Test
    void theUpsampledContributionsAddUpToTheImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(0);
            Generator g = new Generator(m, MetricFloorBenchmark.smallConfig());
            GeneratorConfig cfg = g.config();
            float[] ws = ws(new GeneratorPath(g, m), 2);
            List<float[]> parts = ToRgbContribution.contributions(g, m, ws, 2);
            float[] img =
                    g.synthesis()
                            .forward(
                                    m.create(ws, new Shape(2, cfg.numWs(), cfg.wDim())),
                                    SynthesisOptions.of(NoiseMode.CONST))
                            .toFloatArray();
            for (int i = 0; i < img.length; i++) {
                double s = 0;
                for (float[] p : parts) {
                    s += p[i];
                }
                assertEquals(img[i], s, 1e-4, "pixel " + i);
            }
        }
    }

    @Test
    void aGeneratorWhoseOnlyNonZeroToRgbIsOneResolutionGivesItTheWholeShare() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(0);
            Generator g = new Generator(m, MetricFloorBenchmark.smallConfig());
            for (Map.Entry<String, NDArray> e : g.stateDict().entrySet()) {
                String k = e.getKey();
                if (k.contains(".torgb.") && !k.startsWith("synthesis.b16.")) {
                    e.getValue().set(new float[(int) e.getValue().size()]);
                }
            }
            List<ToRgbContribution.Share> shares =
                    ToRgbContribution.measure(g, m, 6, 3, 1, ProgressListener.NONE);
            double total = 0;
            for (ToRgbContribution.Share s : shares) {
                assertEquals(s.resolution() == 16 ? 1 : 0, s.share(), 1e-12, "b" + s.resolution());
                total += s.share();
            }
            assertEquals(1, total, 1e-12);
        }
    }
}
