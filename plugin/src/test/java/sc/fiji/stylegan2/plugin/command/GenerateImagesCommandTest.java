package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;

/**
 * Generate Images end to end: a real SciJava context runs the command through {@link CommandService} on the
 * 64 px grayscale fixture, and the images are compared with the official generator's output.
 */
class GenerateImagesCommandTest {

    private static final int SIZE = 64 * 64;
    private static Context context;

    @BeforeAll
    static void openContext() {
        System.setProperty("java.awt.headless", "true");
        context = new Context();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    /** Every input given (so no remembered value is loaded), defaults overridden by {@code keyValues}. */
    static CommandModule run(Object... keyValues) throws Exception {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model_file", Fixtures.gray64Pickle().toFile());
        inputs.put("seeds", "0-7");
        inputs.put("latent_file", null); // unset File inputs left unresolved would open a file chooser
        inputs.put("truncation_psi", 1.0);
        inputs.put("noise_mode", "const");
        inputs.put("output_range", "model");
        inputs.put("batch_size", 8);
        inputs.put("condition", "");
        for (int i = 0; i < keyValues.length; i += 2) {
            inputs.put((String) keyValues[i], keyValues[i + 1]);
        }
        return context.service(CommandService.class).run(GenerateImagesCommand.class, true, inputs).get();
    }

    static LabeledFloatImg images(CommandModule module) {
        Cancelable c = (Cancelable) module;
        assertFalse(c.isCanceled(), () -> "canceled: " + c.getCancelReason());
        return assertInstanceOf(LabeledFloatImg.class, module.getOutput("images"));
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

    @ParameterizedTest(name = "psi {0}")
    @CsvSource({"1.0, 1p00", "0.7, 0p70"})
    void conditionalModelWithCondition3MatchesTheOfficialClass3Images(double psi, String psiName) throws Exception {
        LabeledFloatImg img = images(run("model_file", Fixtures.cond4("network-snapshot-000000.pkl").toFile(),
                "seeds", "0-3", "condition", "3", "truncation_psi", psi, "output_range", "raw"));
        assertEquals(List.of("seed=0 class=3", "seed=1 class=3", "seed=2 class=3", "seed=3 class=3"), img.labels());
        for (int s = 0; s < 4; s++) {
            float[] expected = Fixtures.readFloats(Fixtures.cond4("img_seed" + s + "_psi" + psiName + "_c3.bin"));
            float[] actual = Arrays.copyOfRange(img.data(), s * expected.length, (s + 1) * expected.length);
            assertArrayEquals(expected, actual, 1e-3f, "image " + s);
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
        assertTrue(module.isCanceled());
        assertTrue(module.getCancelReason().startsWith("seeds '7-3'"), module.getCancelReason());
        assertNull(module.getOutput("images"));
    }

    @Test
    void missingModelFileCancelsNamingModelFile() throws Exception {
        CommandModule module = run("model_file", new File("/no/such/model.pkl"));
        assertTrue(module.isCanceled());
        assertEquals("model_file '/no/such/model.pkl' does not exist", module.getCancelReason());
    }

    @Test
    void unreadableModelCancelsWithTheLoadersMessage() throws Exception {
        File notAModel = Fixtures.dir().resolve("README.md").toFile();
        CommandModule module = run("model_file", notAModel);
        assertTrue(module.isCanceled(), "a README is not a model");
        assertFalse(module.getCancelReason().isBlank());
    }
}
