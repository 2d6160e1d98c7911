package sc.fiji.stylegan2.plugin.command;

import org.scijava.plugin.Parameter;

/**
 * Base of the commands that map latents to ws: the {@code truncation_psi} key (StyleGAN Sec. 3.3).
 */
public abstract class TruncationCommand extends ConditionCommand {

    @Parameter(
            label = "Truncation psi",
            description = Descriptions.TRUNCATION_PSI,
            stepSize = "0.05")
    protected double truncation_psi = 1.0;
}
