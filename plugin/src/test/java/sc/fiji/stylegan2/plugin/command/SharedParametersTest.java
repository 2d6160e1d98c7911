package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;

/**
 * The choices of the shared keys, written once in the command bases (an annotation cannot take them
 * from an enum), are exactly the names of the enums that parse them, in every command that has the
 * key.
 */
class SharedParametersTest {

    static Stream<Arguments> choiceKeys() {
        List<String> noise = Arrays.stream(NoiseMode.values()).map(NoiseMode::key).toList();
        List<String> range = Arrays.stream(OutputRange.values()).map(OutputRange::key).toList();
        List<String> device = List.of(DeviceChoice.CHOICES);
        List<String> precision = Arrays.stream(Precision.values()).map(Precision::key).toList();
        Stream.Builder<Arguments> b = Stream.builder();
        for (Class<? extends Command> c :
                List.of(
                        GenerateImagesCommand.class,
                        InterpolateLatentsCommand.class,
                        StyleMixingCommand.class,
                        ShowActivationsCommand.class)) {
            b.add(Arguments.of(c, "noise_mode", noise));
        }
        for (Class<? extends Command> c :
                List.of(
                        GenerateImagesCommand.class,
                        InterpolateLatentsCommand.class,
                        StyleMixingCommand.class,
                        StochasticVariationCommand.class)) {
            b.add(Arguments.of(c, "output_range", range));
        }
        for (Class<? extends Command> c :
                List.of(
                        GenerateImagesCommand.class,
                        InterpolateLatentsCommand.class,
                        StyleMixingCommand.class,
                        StochasticVariationCommand.class,
                        ShowActivationsCommand.class,
                        ProjectImageCommand.class)) {
            b.add(Arguments.of(c, "device", device));
            b.add(Arguments.of(c, "precision", precision));
        }
        b.add(Arguments.of(TrainStyleGAN2Command.class, "precision", precision));
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("choiceKeys")
    void choicesAreTheEnumNames(
            Class<? extends Command> command, String key, List<String> expected) {
        ModuleItem<?> item = new CommandInfo(command).getInput(key);
        assertEquals(expected, item.getChoices());
    }
}
