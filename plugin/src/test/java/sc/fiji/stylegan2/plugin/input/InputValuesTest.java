package sc.fiji.stylegan2.plugin.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.plugin.command.GenerateImagesCommand;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

class InputValuesTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    private static CommandInfo generate;

    @BeforeAll
    static void findGenerateImages() {
        generate =
                scijava.context()
                        .service(CommandService.class)
                        .getCommand(GenerateImagesCommand.class);
    }

    @Test
    void convertsGivenValuesToParameterTypes() {
        Map<String, Object> in =
                InputValues.resolve(
                        generate,
                        Map.of(
                                "model_file",
                                "m.pkl",
                                "truncation_psi",
                                "0.7",
                                "batch_size",
                                "2",
                                "seeds",
                                "1,5,9"));
        assertEquals(new File("m.pkl"), in.get("model_file"));
        assertEquals(0.7, in.get("truncation_psi"));
        assertEquals(2, in.get("batch_size"));
        assertEquals("1,5,9", in.get("seeds"));
    }

    @Test
    void keysNotGivenTakeTheCommandDefaults() {
        Map<String, Object> in = InputValues.resolve(generate, Map.of("model_file", "m.pkl"));
        assertEquals("0-7", in.get("seeds"));
        assertEquals(1.0, in.get("truncation_psi"));
        assertEquals("const", in.get("noise_mode"));
        assertEquals("model", in.get("output_range"));
        assertEquals(8, in.get("batch_size"));
    }

    @Test
    void nonNumericDoubleNamesTheKey() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                InputValues.resolve(
                                        generate,
                                        Map.of("model_file", "m.pkl", "truncation_psi", "abc")));
        assertEquals("truncation_psi 'abc' is not a number; give e.g. 1.0", e.getMessage());
    }

    @Test
    void fractionalIntNamesTheKey() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                InputValues.resolve(
                                        generate,
                                        Map.of("model_file", "m.pkl", "batch_size", "2.5")));
        assertTrue(
                e.getMessage().startsWith("batch_size '2.5' is not a whole number"),
                e.getMessage());
    }

    @Test
    void missingRequiredFileSaysHowToGiveIt() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> InputValues.resolve(generate, Map.of()));
        assertTrue(e.getMessage().startsWith("Generate Images needs model_file"), e.getMessage());
        assertTrue(e.getMessage().contains("model_file='/path/to/model.pkl'"), e.getMessage());
    }

    @Test
    void unknownKeyIsRejectedBeforeConversion() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                InputValues.resolve(
                                        generate, Map.of("model_file", "m.pkl", "psi", "x")));
        assertTrue(
                e.getMessage().startsWith("unknown key 'psi' for Generate Images"), e.getMessage());
    }

    @Test
    void tildeInFileNamesMeansTheHomeFolder() {
        Object file = InputValues.convert(CommandFinder.key(generate, "model_file"), "~/m.pkl");
        assertEquals(new File(System.getProperty("user.home"), "m.pkl"), file);
    }

    @Test
    void blankFileNameIsNoFile() {
        assertNull(InputValues.convert(CommandFinder.key(generate, "model_file"), "  "));
    }
}
