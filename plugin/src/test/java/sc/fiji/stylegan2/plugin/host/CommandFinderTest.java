package sc.fiji.stylegan2.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.command.GenerateImagesCommand;
import sc.fiji.stylegan2.plugin.command.ModelInfoCommand;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

class CommandFinderTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    private static CommandFinder finder() {
        return Commands.finder(scijava.context());
    }

    @Test
    void findsEveryStyleGAN2CommandByMenuName() {
        List<String> names =
                finder().all().stream().map(CommandFinder::menuName).collect(Collectors.toList());
        assertEquals(
                List.of(
                        "Apply Direction",
                        "Condition Transition",
                        "Convert Checkpoint",
                        "Demo",
                        "Evaluate Model",
                        "Export for Official Training",
                        "Find Directions",
                        "Generate Images",
                        "Install GPU Support",
                        "Interpolate Latents",
                        "Model Info",
                        "Project Image",
                        "Show Activations",
                        "Stochastic Variation",
                        "Style Mixing",
                        "Train StyleGAN2"),
                names);
    }

    @Test
    void findsByMenuNameIgnoringCaseAndSpacing() {
        for (String name :
                List.of(
                        "Generate Images",
                        "generate images",
                        "GENERATE_IMAGES",
                        " generate  images")) {
            assertEquals(
                    GenerateImagesCommand.class.getName(),
                    finder().find(name).getClassName(),
                    name);
        }
    }

    @Test
    void findsBySimpleAndQualifiedClassNameAndMenuPath() {
        assertEquals(
                ModelInfoCommand.class.getName(), finder().find("ModelInfoCommand").getClassName());
        assertEquals(
                ModelInfoCommand.class.getName(),
                finder().find(ModelInfoCommand.class.getName()).getClassName());
        assertEquals(
                ModelInfoCommand.class.getName(),
                finder().find("Plugins>StyleGAN2>Model Info").getClassName());
    }

    @Test
    void unknownCommandListsTheValidNames() {
        var e =
                assertThrows(
                        IllegalArgumentException.class, () -> finder().find("Generate Imagez"));
        assertTrue(e.getMessage().startsWith("unknown command 'Generate Imagez'"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "Apply Direction, Condition Transition, Convert Checkpoint, Demo,"
                                        + " Evaluate Model, Export for Official Training, Find"
                                        + " Directions, Generate Images, Install GPU Support,"
                                        + " Interpolate Latents, Model Info, Project Image"),
                e.getMessage());
    }

    @Test
    void keysAreTheUserInputsInDeclarationOrderWithoutServices() {
        List<String> keys =
                CommandFinder.keys(finder().find("Generate Images")).stream()
                        .map(ModuleItem::getName)
                        .collect(Collectors.toList());
        // The command bases' shared keys first (SciJava lists a base class's parameters first),
        // then its own.
        assertEquals(
                List.of(
                        "model_file",
                        "device",
                        "precision",
                        "condition",
                        "truncation_psi",
                        "output_range",
                        "batch_size",
                        "noise_mode",
                        "seeds",
                        "latent_file"),
                keys);
    }

    @Test
    void unknownKeyListsTheValidKeys() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CommandFinder.key(finder().find("Model Info"), "model"));
        assertEquals("unknown key 'model' for Model Info; valid keys: model_file", e.getMessage());
    }
}
