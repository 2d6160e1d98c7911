package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;

/** Model Info and Convert Checkpoint end to end through a SciJava context, on the 64 px fixture. */
class ModelCommandsTest {

    private static Context context;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openContext() {
        System.setProperty("java.awt.headless", "true");
        context = new Context();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    private static CommandModule run(Class<? extends StyleGAN2Command> command, Map<String, Object> inputs)
            throws Exception {
        CommandModule module = context.service(CommandService.class).run(command, true, inputs).get();
        assertFalse(module.isCanceled(), () -> "canceled: " + module.getCancelReason());
        return module;
    }

    @Test
    void modelInfoDescribesTheFixtureResolution() throws Exception {
        CommandModule module = run(ModelInfoCommand.class, Map.of("model_file", Fixtures.gray64Pickle().toFile()));
        String info = (String) module.getOutput("info");
        assertTrue(info.contains("64"), info);
        assertTrue(info.lines().count() > 1, info);
    }

    @Test
    void convertedCheckpointGeneratesTheOfficialImages() throws Exception {
        CommandModule convert = run(ConvertCheckpointCommand.class, Map.of(
                "model_file", Fixtures.gray64Pickle().toFile(), "output_file", tmp.resolve("converted").toFile()));
        Path sg2 = tmp.resolve("converted.sg2");
        assertTrue(Files.size(sg2) > 0);
        assertTrue(((String) convert.getOutput("message")).contains(sg2.toString()));

        Map<String, Object> inputs = new HashMap<>(Map.of("model_file", sg2.toFile(), "seeds", "1",
                "truncation_psi", 1.0, "noise_mode", "const", "output_range", "raw", "batch_size", 8));
        inputs.put("latent_file", null); // an unset File input left unresolved would open a file chooser
        CommandModule generate = run(GenerateImagesCommand.class, inputs);
        float[] data = ((LabeledFloatImg) generate.getOutput("images")).data();
        assertArrayEquals(Fixtures.gray64Image(1, "1p00"), Arrays.copyOf(data, 64 * 64), 1e-3f);
    }
}
