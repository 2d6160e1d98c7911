package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.model.testutil.Bfloat16;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

/**
 * Generate Images end to end: a real SciJava context runs the command through {@link
 * CommandService} on the 64 px grayscale fixture, and the images are compared with the official
 * generator's output.
 */
class GenerateImagesCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    /** Generate Images on the 64 px fixture with {@code keyValues} over the defaults. */
    private static CommandModule run(Object... keyValues) throws Exception {
        return Commands.run(
                scijava.context(),
                GenerateImagesCommand.class,
                Map.of("model_file", Fixtures.gray64Pickle().toFile()),
                keyValues);
    }

    private static LabeledFloatImg images(CommandModule module) {
        return Commands.output(module, "images", LabeledFloatImg.class);
    }

    /** Asserts that image {@code n} of {@code img} is the official image of that seed and psi. */
    private static void assertOfficial(int seed, String psi, LabeledFloatImg img, int n)
            throws Exception {
        assertImagesClose(
                Fixtures.gray64Image(seed, psi),
                ImageParts.image(img, n),
                Images.OFFICIAL,
                "image " + n + " against the official seed " + seed + " psi " + psi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"network-snapshot-000000.pkl", "G_ema.pt"})
    void rawOutputOfSeeds0To3MatchesTheOfficialGenerator(String modelFile) throws Exception {
        LabeledFloatImg img =
                images(
                        run(
                                "model_file",
                                Fixtures.gray64(modelFile).toFile(),
                                "seeds",
                                "0-3",
                                "output_range",
                                "raw"));
        assertArrayEquals(new long[] {64, 64, 4}, img.dimensionsAsLongArray());
        assertEquals(List.of("seed=0", "seed=1", "seed=2", "seed=3"), img.labels());
        for (int s = 0; s < 4; s++) {
            assertOfficial(s, "1p00", img, s);
        }
    }

    /**
     * The key reaches the network: the images differ from the float32 ones, by no more than
     * bfloat16 rounding explains ({@link Bfloat16}).
     */
    @Test
    void precisionBf16GivesTheOfficialImagesWithinBfloat16Rounding() throws Exception {
        LabeledFloatImg img =
                images(run("seeds", "0-3", "output_range", "raw", "precision", "bf16"));
        for (int s = 0; s < 4; s++) {
            float[] expected = Fixtures.gray64Image(s, "1p00");
            float[] actual = ImageParts.image(img, s);
            assertTrue(Images.maxAbsDiff(expected, actual) > 0, "bf16 ran");
            assertImagesClose(
                    expected,
                    actual,
                    Bfloat16.maxDifference(64, expected),
                    "bf16 image " + s + " against the official float32 image");
        }
    }

    @ParameterizedTest(name = "psi {0}")
    @CsvSource({"1.0, 1p00", "0.7, 0p70"})
    void conditionalModelWithCondition3MatchesTheOfficialClass3Images(double psi, String psiName)
            throws Exception {
        LabeledFloatImg img =
                images(
                        run(
                                "model_file",
                                Fixtures.cond4("network-snapshot-000000.pkl").toFile(),
                                "seeds",
                                "0-3",
                                "condition",
                                "3",
                                "truncation_psi",
                                psi,
                                "output_range",
                                "raw"));
        assertEquals(
                List.of("seed=0 class=3", "seed=1 class=3", "seed=2 class=3", "seed=3 class=3"),
                img.labels());
        for (int s = 0; s < 4; s++) {
            float[] expected =
                    Fixtures.readFloats(
                            Fixtures.cond4("img_seed" + s + "_psi" + psiName + "_c3.bin"));
            assertImagesClose(
                    expected,
                    ImageParts.image(img, s),
                    Images.OFFICIAL,
                    "image " + s + " against the official class-3 seed " + s + " psi " + psiName);
        }
    }

    @Test
    void truncatedOutputInUnevenBatchesMatchesTheOfficialPsi07() throws Exception {
        LabeledFloatImg img =
                images(
                        run(
                                "seeds",
                                "0-3",
                                "truncation_psi",
                                0.7,
                                "output_range",
                                "raw",
                                "batch_size",
                                3));
        for (int s = 0; s < 4; s++) {
            assertOfficial(s, "0p70", img, s);
        }
    }

    @Test
    void seedsComeBackInTheOrderGiven() throws Exception {
        LabeledFloatImg img = images(run("seeds", "3,1", "output_range", "raw"));
        assertEquals(List.of("seed=3", "seed=1"), img.labels());
        assertOfficial(3, "1p00", img, 0);
        assertOfficial(1, "1p00", img, 1);
    }

    @Test
    void modelRangeIsTheOfficialEightBitMappingOfTheRawOutput() throws Exception {
        LabeledFloatImg img = images(run("seeds", "2"));
        float[] expected = Fixtures.gray64Image(2, "1p00");
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] * 127.5f + 128f;
        }
        assertImagesClose(
                expected,
                img.data(),
                Images.OFFICIAL * 127.5,
                "seed 2 against the official image in model range (its tolerance scaled as the image, by 127.5)");
    }

    @Test
    void backwardsSeedRangeCancelsNamingSeeds() throws Exception {
        CommandModule module = run("seeds", "7-3");
        String reason = Commands.cancelReason(module);
        assertTrue(reason.startsWith("seeds '7-3'"), reason);
        assertNull(module.getOutput("images"));
    }

    @Test
    void missingModelFileCancelsNamingModelFile() throws Exception {
        assertEquals(
                "model_file '/no/such/model.pkl' does not exist",
                Commands.cancelReason(run("model_file", new File("/no/such/model.pkl"))));
    }

    @Test
    void unreadableModelCancelsWithTheLoadersMessage() throws Exception {
        File notAModel = Fixtures.dir().resolve("README.md").toFile();
        assertFalse(
                Commands.cancelReason(run("model_file", notAModel)).isBlank(),
                "a README is not a model");
    }
}
