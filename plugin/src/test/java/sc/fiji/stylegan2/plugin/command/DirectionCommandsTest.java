package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.direction.DirectionFile;
import sc.fiji.stylegan2.model.direction.DirectionMethod;
import sc.fiji.stylegan2.model.direction.Directions;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/** Find Directions and Apply Direction through CommandService on the 64 px fixture. */
class DirectionCommandsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    private static final Map<String, Object> MODEL =
            Map.of("model_file", Fixtures.gray64Pickle().toFile(), "output_range", "raw");

    @TempDir Path tmp;

    private static float[] image(LabeledFloatImg img, int i) {
        int per = img.channels() * (int) (img.dimension(0) * img.dimension(1));
        return Arrays.copyOfRange(img.data(), i * per, (i + 1) * per);
    }

    private Path sefa() throws Exception {
        Path file = tmp.resolve("sefa.npz");
        CommandModule m =
                Commands.run(
                        scijava.context(),
                        FindDirectionsCommand.class,
                        MODEL,
                        "layers",
                        "coarse",
                        "num_directions",
                        3,
                        "output_file",
                        file.toFile());
        assertTrue(
                Commands.output(m, "directions", String.class)
                        .startsWith("3 sefa directions for ws 0-2"));
        return file;
    }

    @Test
    void sefaWritesUnitDirectionsWithTheirLayers() throws Exception {
        Directions d = DirectionFile.read(sefa());
        assertEquals(DirectionMethod.SEFA, d.method());
        assertEquals(List.of(0, 1, 2), Arrays.stream(d.layers()).boxed().toList());
        double norm = 0;
        for (float v : d.vector(2)) {
            norm += v * v;
        }
        assertEquals(1, norm, 1e-5);
    }

    @Test
    void strengthZeroIsTheSeedsOwnImage() throws Exception {
        LabeledFloatImg walk =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                ApplyDirectionCommand.class,
                                MODEL,
                                "seeds",
                                "0,1",
                                "direction_file",
                                sefa().toFile(),
                                "strengths",
                                "-2:2:3"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals("seed=1 d=0 s=0.000", walk.labels().get(4));
        for (int seed = 0; seed < 2; seed++) {
            assertImagesClose(
                    Fixtures.gray64Image(seed, "1p00"),
                    image(walk, 3 * seed + 1),
                    sc.fiji.stylegan2.model.testutil.Images.OFFICIAL,
                    "strength 0 against the official seed " + seed);
        }
        float[] moved = image(walk, 0), still = image(walk, 1);
        assertTrue(
                sc.fiji.stylegan2.model.testutil.Images.meanAbsDiff(moved, still) > 1e-3,
                "strength -2 changes the image");
    }

    @Test
    void svmBetweenTwoFoldersOfLatentsPointsFromNegativeToPositive() throws Exception {
        int numWs = 10, wDim = 64; // the fixture's
        java.util.Random rng = new java.util.Random(1);
        Path neg = Files.createDirectory(tmp.resolve("neg"));
        Path pos = Files.createDirectory(tmp.resolve("pos"));
        for (int i = 0; i < 6; i++) {
            float[] ws = new float[numWs * wDim];
            for (int j = 0; j < wDim; j++) {
                float v = (float) rng.nextGaussian();
                for (int l = 0; l < numWs; l++) {
                    ws[l * wDim + j] = v + (j == 7 ? (i % 2 == 0 ? -2 : 2) : 0);
                }
            }
            Path dir = i % 2 == 0 ? neg : pos;
            LatentFile.write(dir.resolve("w" + i + ".npz"), new Latents(1, numWs, wDim, ws));
        }
        Path file = tmp.resolve("svm.npz");
        CommandModule m =
                Commands.run(
                        scijava.context(),
                        FindDirectionsCommand.class,
                        MODEL,
                        "method",
                        "svm",
                        "negative_latents",
                        neg.toString(),
                        "positive_latents",
                        pos.toString(),
                        "output_file",
                        file.toFile());
        assertTrue(
                Commands.output(m, "directions", String.class)
                        .startsWith("1 svm direction for ws 0-9 (score: training accuracy)"));
        Directions d = DirectionFile.read(file);
        assertEquals(1.0, d.scores()[0], "training accuracy");
        assertTrue(d.vector(0)[7] > 0.3, "component 7 separates the sets: " + d.vector(0)[7]);
    }
}
