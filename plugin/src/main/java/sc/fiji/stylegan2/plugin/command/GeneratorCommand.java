package sc.fiji.stylegan2.plugin.command;

import org.scijava.plugin.Parameter;

/**
 * Base of the commands that generate images with the model's noise inputs: the {@code noise_mode}
 * key. Its choices are the names of {@link sc.fiji.stylegan2.model.NoiseMode} (a test keeps the two
 * the same).
 */
public abstract class GeneratorCommand extends ImageBatchCommand {

    @Parameter(
            label = "Noise mode",
            description = Descriptions.NOISE_MODE,
            choices = {"const", "random", "none"})
    protected String noise_mode = "const";
}
