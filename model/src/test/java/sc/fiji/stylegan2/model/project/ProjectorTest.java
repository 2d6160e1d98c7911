package sc.fiji.stylegan2.model.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/** Projection on a tiny RGB model whose noise inputs matter (noise strengths 0.3). */
class ProjectorTest {

    static final GeneratorConfig TINY =
            GeneratorConfig.builder()
                    .setZDim(32)
                    .setWDim(32)
                    .setMappingLayers(2)
                    .setResolution(16)
                    .setImgChannels(3)
                    .setChannelBase(512)
                    .setChannelMax(32)
                    .build();

    private static StyleGAN2Model model;
    private static PlanarImages targets;

    @TempDir Path tmp;

    @BeforeAll
    static void createModelAndTargets() {
        model =
                StyleGAN2Model.create(
                        TINY,
                        DiscriminatorConfig.matching(TINY),
                        IntensityMapping.OFFICIAL_8BIT,
                        5);
        model.generator()
                .namedParameters()
                .forEach(
                        (name, p) -> {
                            if (name.endsWith("noise_strength")) {
                                p.set(new float[] {0.3f});
                            }
                        });
        // Targets: the const-noise images of the ws of seeds 3 and 8.
        float[] ws = model.imageGenerator().mapSeeds(new long[] {3, 8}, 1, null);
        GeneratedImages g =
                model.imageGenerator()
                        .synthesize(
                                ws,
                                List.of("seed=3", "seed=8"),
                                SynthesisOptions.of(NoiseMode.CONST),
                                OutputRange.RAW,
                                2,
                                ProgressListener.NONE);
        targets = new PlanarImages(g.data(), 2, 3, 16, 16, g.labels());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static ProjectionOptions.Builder options(ProjectionSpace space, int steps) {
        return ProjectionOptions.builder().optSpace(space).optNumSteps(steps).optWAvgSamples(2000);
    }

    static double mse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s / a.length;
    }

    /** Means of {@code parts} consecutive equal windows of a history. */
    static double[] windowMeans(double[] history, int parts) {
        double[] m = new double[parts];
        int size = history.length / parts;
        for (int p = 0; p < parts; p++) {
            for (int i = p * size; i < (p + 1) * size; i++) {
                m[p] += history[i] / size;
            }
        }
        return m;
    }

    @Test
    void wPlusProjectionLowersTheLossOnAverageAndEndsFarCloserThanWAvg() {
        PlanarImages one = targets.slice(0, 1);
        Projector projector = new Projector(model, options(ProjectionSpace.W_PLUS, 200).build());
        ProjectionResult r = projector.project(one, ProgressListener.NONE);
        assertEquals(200, r.stepsDone());
        assertFalse(r.canceled());
        double[] loss = windowMeans(r.lossHistory(), 5);
        double[] distance = windowMeans(r.distanceHistory(), 5);
        for (int p = 1; p < 5; p++) {
            assertTrue(
                    loss[p] < loss[p - 1],
                    "loss window " + p + ": " + java.util.Arrays.toString(loss));
            assertTrue(
                    distance[p] < distance[p - 1],
                    "distance window " + p + ": " + java.util.Arrays.toString(distance));
        }
        // The image of w_avg (where the projection starts) against the reconstruction.
        float[] wAvg = projector.statistics().wAvg();
        float[] ws = new float[TINY.numWs() * TINY.wDim()];
        for (int l = 0; l < TINY.numWs(); l++) {
            System.arraycopy(wAvg, 0, ws, l * TINY.wDim(), TINY.wDim());
        }
        float[] start =
                model.imageGenerator()
                        .synthesize(
                                ws,
                                List.of("w_avg"),
                                SynthesisOptions.of(NoiseMode.CONST),
                                OutputRange.RAW,
                                1,
                                ProgressListener.NONE)
                        .data();
        double before = mse(start, one.data());
        double after = mse(r.reconstruction().data(), one.data());
        assertTrue(
                after < 0.05 * before,
                "MSE to the target: w_avg " + before + ", projection " + after);
    }

    @Test
    void wProjectionKeepsOneWForAllLayers() {
        ProjectionResult r =
                new Projector(model, options(ProjectionSpace.W, 10).build())
                        .project(targets, ProgressListener.NONE);
        Latents l = r.latents();
        assertEquals(2, l.count());
        assertEquals(TINY.numWs(), l.numWs());
        float[] ws = l.ws();
        for (int n = 0; n < 2; n++) {
            int first = n * TINY.numWs() * TINY.wDim();
            for (int row = 1; row < TINY.numWs(); row++) {
                for (int c = 0; c < TINY.wDim(); c++) {
                    assertEquals(ws[first + c], ws[first + row * TINY.wDim() + c], 0f);
                }
            }
        }
    }

    @Test
    void cancelStopsAfterTheCurrentStepAndReturnsTheBestLatentsSoFar() {
        List<Long> seen = new ArrayList<>();
        ProgressListener cancelAfter5 =
                new ProgressListener() {
                    @Override
                    public void progress(long done, long total, String message) {
                        seen.add(done);
                    }

                    @Override
                    public boolean isCanceled() {
                        return seen.size() >= 5;
                    }
                };
        ProjectionResult r =
                new Projector(model, options(ProjectionSpace.W_PLUS, 100).build())
                        .project(targets, cancelAfter5);
        assertTrue(r.canceled());
        assertEquals(5, r.stepsDone());
        assertEquals(5, r.lossHistory().length);
        assertNotNull(r.latents());
        assertEquals(2, r.reconstruction().count());
        // The best of each image is at most its loss at the start (the mean of both is the first
        // history entry).
        float[] best = r.bestLoss();
        assertTrue(
                (best[0] + best[1]) / 2 <= r.lossHistory()[0],
                "best " + java.util.Arrays.toString(best) + " vs start " + r.lossHistory()[0]);
    }

    @Test
    void projectionRunsInAThreadOtherThanTheOneThatStartedTheEngine() throws Exception {
        // libtorch's grad mode is per thread and on by default: Adam's in-place update of a leaf
        // fails there
        // unless the projector switches recording off itself.
        ProjectionResult[] result = new ProjectionResult[1];
        Throwable[] error = new Throwable[1];
        Thread worker =
                new Thread(
                        () -> {
                            try {
                                result[0] =
                                        new Projector(model, options(ProjectionSpace.W, 3).build())
                                                .project(
                                                        targets.slice(0, 1), ProgressListener.NONE);
                            } catch (Throwable t) {
                                error[0] = t;
                            }
                        });
        worker.start();
        worker.join();
        assertEquals(null, error[0], () -> "failed in a new thread: " + error[0]);
        assertEquals(3, result[0].stepsDone());
    }

    @Test
    void snapshotsAreTakenEverySaveEverySteps() {
        ProjectionResult r =
                new Projector(model, options(ProjectionSpace.W, 12).optSaveEvery(4).build())
                        .project(targets.slice(1, 2), ProgressListener.NONE);
        assertEquals(
                List.of(4, 8, 12),
                r.snapshots().stream().map(ProjectionResult.Snapshot::step).toList());
        assertEquals(3 * 16 * 16, r.snapshots().get(0).images().length);
    }

    @Test
    void networkParametersStayConstantAndGetNoGradients() {
        Map<String, NDArray> g = model.generator().namedParameters();
        Map<String, NDArray> d = model.discriminator().namedParameters();
        float[] gBefore = g.get("synthesis.b16.conv1.weight").toFloatArray();
        float[] dBefore = d.get("b16.conv0.weight").toFloatArray();
        new Projector(model, options(ProjectionSpace.W_PLUS, 5).build())
                .project(targets, ProgressListener.NONE);
        assertArrayEquals(gBefore, g.get("synthesis.b16.conv1.weight").toFloatArray(), 0f);
        assertArrayEquals(dBefore, d.get("b16.conv0.weight").toFloatArray(), 0f);
        g.forEach((name, p) -> assertFalse(p.hasGradient(), name));
        d.forEach((name, p) -> assertFalse(p.hasGradient(), name));
    }

    @Test
    void optimisedNoiseMapsHaveZeroMeanAndUnitVariance() {
        Latents l =
                new Projector(model, options(ProjectionSpace.W, 20).build())
                        .project(targets.slice(0, 1), ProgressListener.NONE)
                        .latents();
        assertEquals(model.generator().noiseLayers().keySet(), l.noise().keySet());
        for (Map.Entry<String, float[]> e : l.noise().entrySet()) {
            double mean = 0;
            double sq = 0;
            for (float v : e.getValue()) {
                mean += v / (double) e.getValue().length;
            }
            for (float v : e.getValue()) {
                sq += (v - mean) * (v - mean) / e.getValue().length;
            }
            assertEquals(0, mean, 1e-4, e.getKey());
            assertEquals(1, sq, 1e-3, e.getKey());
        }
    }

    @Test
    void reconstructionRegeneratesExactlyFromTheWrittenLatentFile() throws Exception {
        ProjectionResult r =
                new Projector(model, options(ProjectionSpace.W_PLUS, 15).build())
                        .project(targets.slice(1, 2), ProgressListener.NONE);
        Path file = tmp.resolve("projected_w.npz");
        LatentFile.write(file, r.latents());
        Latents read = LatentFile.read(file);
        float[] again =
                model.imageGenerator()
                        .synthesize(
                                read,
                                List.of("again"),
                                NoiseMode.CONST,
                                OutputRange.RAW,
                                8,
                                ProgressListener.NONE)
                        .data();
        // Exact: the projector synthesises its reconstruction from these latents, one target in a
        // batch of one,
        // and one latent is a batch of one here too: the same computation on the same floats.
        assertArrayEquals(r.reconstruction().data(), again, 0f);
        float[] withoutNoiseMaps =
                model.imageGenerator()
                        .synthesize(
                                new Latents(1, read.numWs(), read.wDim(), read.ws()),
                                List.of("w only"),
                                NoiseMode.CONST,
                                OutputRange.RAW,
                                8,
                                ProgressListener.NONE)
                        .data();
        assertTrue(mse(withoutNoiseMaps, again) > 1e-6, "the noise maps matter in this model");
    }

    @Test
    void imagesOfABatchAreProjectedIndependently() {
        // Without random draws (no w noise, no noise maps) a batch of two gives each image what it
        // gets alone.
        ProjectionOptions deterministic =
                options(ProjectionSpace.W_PLUS, 15)
                        .optWNoise(new NoiseStrengthSchedule(0, 1))
                        .optOptimizeNoise(false)
                        .build();
        float[] both =
                new Projector(model, deterministic)
                        .project(targets, ProgressListener.NONE)
                        .latents()
                        .ws();
        float[] alone =
                new Projector(model, deterministic)
                        .project(targets.slice(1, 2), ProgressListener.NONE)
                        .latents()
                        .ws();
        float[] second = java.util.Arrays.copyOfRange(both, alone.length, both.length);
        assertArrayEquals(alone, second, 1e-3f);
    }

    @Test
    void discriminatorDistanceOnAGeneratorOnlyModelNamesTheDistanceParameter() {
        try (StyleGAN2Model gOnly =
                StyleGAN2Model.create(TINY, null, IntensityMapping.OFFICIAL_8BIT, 1)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    new Projector(gOnly, options(ProjectionSpace.W, 2).build())
                                            .project(targets, ProgressListener.NONE));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "distance discriminator+mse needs the model's discriminator"),
                    e.getMessage());
        }
    }

    @Test
    void lpipsWithoutAFeatureNetworkFileNamesFeatureNetwork() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new Projector(
                                                model,
                                                options(ProjectionSpace.W, 2)
                                                        .optDistance(DistanceKind.LPIPS)
                                                        .build())
                                        .project(targets, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("feature_network is not set"), e.getMessage());
        Path missing = tmp.resolve("vgg16.pt");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new Projector(
                                                model,
                                                options(ProjectionSpace.W, 2)
                                                        .optDistance(DistanceKind.LPIPS)
                                                        .optFeatureNetwork(missing)
                                                        .build())
                                        .project(targets, ProgressListener.NONE));
        assertEquals("feature_network '" + missing + "' does not exist", e.getMessage());
    }

    @Test
    void torchScriptFeatureDistanceGetsGradientsThroughTheNetwork() throws Exception {
        // Features: per-channel means; only w changes them here, so the distance can only fall if
        // gradients
        // flow from the TorchScript module back to the images and w.
        Path network = FeatureNetworkFile.write(tmp.resolve("channel_means.pt"));
        ProjectionResult r =
                new Projector(
                                model,
                                options(ProjectionSpace.W, 30)
                                        .optDistance(DistanceKind.LPIPS)
                                        .optFeatureNetwork(network)
                                        .optOptimizeNoise(false)
                                        .build())
                        .project(targets.slice(0, 1), ProgressListener.NONE);
        double[] d = r.distanceHistory();
        assertTrue(d[29] < 0.2 * d[0], "distance " + d[0] + " -> " + d[29]);
    }

    @Test
    void lpipsWithAFileThatIsNoTorchScriptNamesFeatureNetwork() throws Exception {
        Path notScript = Files.writeString(tmp.resolve("vgg16.pt"), "not a TorchScript archive");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new Projector(
                                                model,
                                                options(ProjectionSpace.W, 2)
                                                        .optDistance(DistanceKind.LPIPS)
                                                        .optFeatureNetwork(notScript)
                                                        .build())
                                        .project(targets, ProgressListener.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "feature_network '" + notScript + "' is not a TorchScript module"),
                e.getMessage());
    }
}
