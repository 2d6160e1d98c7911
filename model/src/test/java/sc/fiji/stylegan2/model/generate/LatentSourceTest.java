package sc.fiji.stylegan2.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.testutil.Fixtures;
import sc.fiji.stylegan2.model.testutil.Images;

/**
 * Seeds and latent files as sources of ws, on the 64 px fixture (num_ws 10, w_dim 512 is not
 * assumed).
 */
class LatentSourceTest {

    private static StyleGAN2Model model;
    private static ImageGenerator generator;

    @TempDir Path tmp;

    @BeforeAll
    static void load() throws Exception {
        model =
                StyleGAN2Model.load(
                        Fixtures.root().resolve("res64-gray/network-snapshot-000000.pkl"));
        generator = model.imageGenerator();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** A latent file holding the ws of the seeds (psi 1), without noise maps. */
    private Path seedFile(String name, long... seeds) throws Exception {
        Path file = tmp.resolve(name);
        LatentFile.write(file, LatentSource.seeds("seeds", seeds).resolve(generator, 1).latents());
        return file;
    }

    @Test
    void seedsAreMappedAndLabelledSeedEqualsS() {
        LabeledLatents l = LatentSource.seeds("seeds", 4, 2).resolve(generator, 0.7);
        assertEquals(List.of("seed=4", "seed=2"), l.labels());
        assertArrayEquals(generator.mapSeeds(new long[] {4, 2}, 0.7, null), l.latents().ws(), 0f);
        assertFalse(l.latents().hasNoise());
    }

    @Test
    void aFileWithASeedsWsGivesThatSeedsWsExactlyLabelledByFileName() throws Exception {
        Path file = seedFile("two.npz", 3, 5);
        Path csv = seedFile("one.csv", 1);
        LabeledLatents l =
                LatentSource.files("latent_files", List.of(file, csv)).resolve(generator, 1);
        assertEquals(List.of("two.npz[0]", "two.npz[1]", "one.csv[0]"), l.labels());
        // The mapping's float results depend on the batch: compare with the batches the files were
        // made from.
        float[] twoSeeds = generator.mapSeeds(new long[] {3, 5}, 1, null);
        float[] oneSeed = generator.mapSeeds(new long[] {1}, 1, null);
        assertArrayEquals(twoSeeds, Arrays.copyOfRange(l.latents().ws(), 0, twoSeeds.length), 0f);
        assertArrayEquals(oneSeed, l.ws(2), 0f);
        assertArrayEquals(
                Arrays.copyOfRange(twoSeeds, oneSeed.length, twoSeeds.length), l.ws(1), 0f);
    }

    @Test
    void truncationAppliesToFileLatentsAsToSeeds() throws Exception {
        LabeledLatents file =
                LatentSource.files("latent_file", List.of(seedFile("s.npz", 6)))
                        .resolve(generator, 0.5);
        float[] seed = LatentSource.seeds("seed", 6).resolve(generator, 0.5).latents().ws();
        assertArrayEquals(seed, file.latents().ws(), 1e-5f);
        assertTrue(
                Images.maxAbsDiff(seed, generator.mapSeeds(new long[] {6}, 1, null)) > 1e-2,
                "psi 0.5 changes the ws");
    }

    @Test
    void aFileOfAnotherModelNamesTheKeyTheFileBothShapesAndWhatToDo() throws Exception {
        Path other = tmp.resolve("rgb32_w.npz");
        LatentFile.write(other, new Latents(1, 8, 128, new float[8 * 128]));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LatentSource.files("row_latents", List.of(other))
                                        .resolve(generator, 1));
        int numWs = generator.config().numWs(), wDim = generator.config().wDim();
        assertEquals(
                "row_latents rgb32_w.npz holds latents [N, num_ws, w_dim] = [1, 8, 128], but this model needs"
                        + " [N, "
                        + numWs
                        + ", "
                        + wDim
                        + "]: latents fit only the model they were made with; use that model,"
                        + " or project the image again with this one",
                e.getMessage());
    }

    @Test
    void anUnreadableFileNamesTheKeyAndTheFile() throws Exception {
        Path text = tmp.resolve("notes.npz");
        java.nio.file.Files.writeString(text, "not a zip");
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LatentSource.files("latent_file", List.of(text))
                                        .resolve(generator, 1));
        assertTrue(
                e.getMessage().startsWith("latent_file: notes.npz is not a NumPy .npz file"),
                e.getMessage());
    }

    @Test
    void joiningASeedWithAFileThatHasNoiseMapsGivesTheSeedTheModelsConstNoise() throws Exception {
        Map<String, float[]> constNoise = generator.constNoise();
        assertEquals(
                generator.config().numWs() - 1, constNoise.size(), "one map per synthesis conv");
        Latents projected =
                withRandomNoise(
                        LatentSource.seeds("s", 1).resolve(generator, 1).latents(), constNoise);
        Path file = tmp.resolve("projected.npz");
        LatentFile.write(file, projected);
        LabeledLatents joined =
                LabeledLatents.join(
                        List.of(
                                LatentSource.seeds("s", 2).resolve(generator, 1),
                                LatentSource.files("f", List.of(file)).resolve(generator, 1)),
                        generator);
        assertEquals(List.of("seed=2", "projected.npz[0]"), joined.labels());
        for (String layer : constNoise.keySet()) {
            float[] maps = joined.latents().noise().get(layer);
            int r2 = constNoise.get(layer).length;
            assertArrayEquals(constNoise.get(layer), Arrays.copyOfRange(maps, 0, r2), 0f, layer);
            assertArrayEquals(
                    projected.noise().get(layer), Arrays.copyOfRange(maps, r2, 2 * r2), 0f, layer);
        }
        // One image per batch (the same convolution path): each image is what it is alone.
        float[] both =
                generator
                        .synthesize(
                                joined.latents(),
                                joined.labels(),
                                NoiseMode.CONST,
                                OutputRange.RAW,
                                1,
                                ProgressListener.NONE)
                        .data();
        float[] seed2 =
                generator
                        .generate(
                                GenerateRequest.builder(2)
                                        .optOutputRange(OutputRange.RAW)
                                        .optBatchSize(1)
                                        .build(),
                                ProgressListener.NONE)
                        .data();
        float[] alone =
                generator
                        .synthesize(
                                projected,
                                List.of("p"),
                                NoiseMode.CONST,
                                OutputRange.RAW,
                                1,
                                ProgressListener.NONE)
                        .data();
        assertArrayEquals(seed2, Arrays.copyOfRange(both, 0, seed2.length), 0f);
        assertArrayEquals(alone, Arrays.copyOfRange(both, seed2.length, both.length), 0f);
    }

    /** The latents with fresh N(0, 1) maps in every noise layer. */
    private static Latents withRandomNoise(Latents l, Map<String, float[]> layers) {
        Random r = new Random(3);
        Map<String, float[]> noise = new java.util.LinkedHashMap<>();
        layers.forEach(
                (layer, map) -> {
                    float[] v = new float[map.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) r.nextGaussian();
                    }
                    noise.put(layer, v);
                });
        return new Latents(l.count(), l.numWs(), l.wDim(), l.ws(), noise);
    }
}
