package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.training.data.FashionMnist;
import sc.fiji.stylegan2.training.data.ImageStackData;

class EvaluatorTest {

    private static FashionFeatures features;
    private static ImageStackData embedded;

    @BeforeAll
    static void load() throws IOException {
        features = FashionFeatures.load();
        embedded = FashionMnist.embedded().toTrainingData(true);
    }

    @AfterAll
    static void close() {
        features.close();
    }

    private static float[] pixels(ImageStackData d) {
        float[] out = new float[d.size() * 1024];
        for (int i = 0; i < d.size(); i++) {
            d.copyImage(i, out, i * 1024);
        }
        return out;
    }

    /** Every 25th image from {@code start}: 200 images covering all classes. */
    private static ImageStackData spread(int start) {
        return embedded.subset(IntStream.range(0, 200).map(i -> start + 25 * i).toArray());
    }

    @Test
    void theRealImagesThemselvesAreAtDistanceZero() {
        ImageStackData reals = spread(0);
        Evaluator eval = new Evaluator(features, reals, reals.size(), 1);
        Evaluator.Result r = eval.evaluate(pixels(reals), reals.size());
        assertEquals(
                0, r.fd(),
                1e-4); // float features of other batch compositions differ in the last bits
        assertNull(r.note());
    }

    @Test
    void otherRealImagesAreFarCloserThanAnUntrainedGenerator() {
        Evaluator eval = new Evaluator(features, spread(0), 200, 1);
        ImageStackData others = spread(5);
        double realFd = eval.evaluate(pixels(others), others.size()).fd();
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(0);
            Generator g = new Generator(m, MetricFloorBenchmark.smallConfig());
            Evaluator.Result untrained = eval.evaluate(g, m, 50);
            assertEquals(200, untrained.fakeCount());
            assertTrue(untrained.fd() > 5 * realFd, untrained.fd() + " vs real " + realFd);
            assertTrue(untrained.kid() > 5 * Math.abs(eval.evaluate(pixels(others), 200).kid()));
        }
    }

    @Test
    void generatorOfAnotherShapeIsRejected() {
        Evaluator eval = new Evaluator(features, spread(0), 20, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            Generator rgb =
                    new Generator(
                            m,
                            MetricFloorBenchmark.smallConfig().toBuilder()
                                    .setImgChannels(3)
                                    .build());
            var e = assertThrows(IllegalArgumentException.class, () -> eval.evaluate(rgb, m, 8));
            assertTrue(
                    e.getMessage().contains("3 x 32 px images but the data are 1 x 32 px"),
                    e.getMessage());
        }
    }

    @Test
    void resultNotesHowOtherShapesWereAdapted() {
        float[] rgb = new float[20 * 3 * 64 * 64];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (float) Math.sin(i * 0.01);
        }
        ImageStackData data =
                new ImageStackData(rgb, 20, 3, 64, IntensityMapping.ofDataRange(-1, 1));
        Evaluator eval = new Evaluator(features, data, 20, 1);
        assertEquals(
                "3 channels averaged to gray; 64 px resized to 32 px",
                eval.evaluate(rgb, 20).note());
    }
}
