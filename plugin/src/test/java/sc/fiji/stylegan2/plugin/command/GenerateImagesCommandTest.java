package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * Generate Images end to end: a real SciJava context runs the command through {@link CommandService} on the
 * 64 px grayscale fixture, and the images are compared with the official generator's output.
 */
class GenerateImagesCommandTest {

    private static final int SIZE = 64 * 64;
    @RegisterExtension
    static final HeadlessContext scijava = new HeadlessContext();

    /** Generate Images on the 64 px fixture with {@code keyValues} over the defaults. */
    private static CommandModule run(Object... keyValues) throws Exception {
        return Commands.run(scijava.context(), GenerateImagesCommand.class,
                Map.of("model_file", Fixtures.gray64Pickle().toFile()), keyValues);
    }

    private static LabeledFloatImg images(CommandModule module) {
        return Commands.output(module, "images", LabeledFloatImg.class);
    }

    static void assertImageEquals(float[] expected, float[] data, int image, float tolerance) {
        float[] actual = Arrays.copyOfRange(data, image * SIZE, (image + 1) * SIZE);
        assertArrayEquals(expected, actual, tolerance, "image " + image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"network-snapshot-000000.pkl", "G_ema.pt"})
    void rawOutputOfSeeds0To3MatchesTheOfficialGenerator(String modelFile) throws Exception {
        LabeledFloatImg img = images(
                run("model_file", Fixtures.gray64(modelFile).toFile(), "seeds", "0-3", "output_range", "raw"));
        assertArrayEquals(new long[] {64, 64, 4}, img.dimensionsAsLongArray());
        assertEquals(List.of("seed=0", "seed=1", "seed=2", "seed=3"), img.labels());
        for (int s = 0; s < 4; s++) {
            assertImageEquals(Fixtures.gray64Image(s, "1p00"), img.data(), s, 1e-3f);
        }
    }

    @Test
    void truncatedOutputInUnevenBatchesMatchesTheOfficialPsi07() throws Exception {
        LabeledFloatImg img = images(run("seeds", "0-3", "truncation_psi", 0.7, "output_range", "raw", "batch_size", 3));
        for (int s = 0; s < 4; s++) {
            assertImageEquals(Fixtures.gray64Image(s, "0p70"), img.data(), s, 1e-3f);
        }
    }

    @Test
    void seedsComeBackInTheOrderGiven() throws Exception {
        LabeledFloatImg img = images(run("seeds", "3,1", "output_range", "raw"));
        assertEquals(List.of("seed=3", "seed=1"), img.labels());
        assertImageEquals(Fixtures.gray64Image(3, "1p00"), img.data(), 0, 1e-3f);
        assertImageEquals(Fixtures.gray64Image(1, "1p00"), img.data(), 1, 1e-3f);
    }

    @Test
    void modelRangeIsTheOfficialEightBitMappingOfTheRawOutput() throws Exception {
        LabeledFloatImg img = images(run("seeds", "2"));
        float[] expected = Fixtures.gray64Image(2, "1p00");
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] * 127.5f + 128f;
        }
        assertImageEquals(expected, img.data(), 0, 1e-3f * 127.5f);
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
        assertEquals("model_file '/no/such/model.pkl' does not exist",
                Commands.cancelReason(run("model_file", new File("/no/such/model.pkl"))));
    }

    @Test
    void unreadableModelCancelsWithTheLoadersMessage() throws Exception {
        File notAModel = Fixtures.dir().resolve("README.md").toFile();
        assertFalse(Commands.cancelReason(run("model_file", notAModel)).isBlank(), "a README is not a model");
    }
}
