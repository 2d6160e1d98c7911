package sc.fiji.stylegan2.plugin.command;

import org.scijava.plugin.Parameter;

/**
 * Base of the commands that run a network: the {@code device} key. Its choices are {@link
 * sc.fiji.stylegan2.plugin.input.DeviceChoice#CHOICES} (a test keeps the two the same).
 */
public abstract class NetworkCommand extends ModelCommand {

    @Parameter(
            label = "Device",
            description = Descriptions.DEVICE,
            choices = {"auto", "CPU", "GPU"})
    protected String device = "auto";
}
