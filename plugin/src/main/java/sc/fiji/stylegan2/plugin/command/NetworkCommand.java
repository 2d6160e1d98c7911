package sc.fiji.stylegan2.plugin.command;

import org.scijava.plugin.Parameter;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.torch.Autocast;

/**
 * Base of the commands that run a network: the {@code device} key, whose choices are {@link
 * sc.fiji.stylegan2.plugin.input.DeviceChoice#CHOICES} (a test keeps the two the same), and the
 * {@code precision} key ({@link Precision}).
 */
public abstract class NetworkCommand extends ModelCommand {

    @Parameter(
            label = "Device",
            description = Descriptions.DEVICE,
            choices = {"auto", "CPU", "GPU"})
    protected String device = "auto";

    /**
     * Default fp32: whether bf16 pays off end to end on a given CPU has not been measured on an
     * unloaded machine yet ({@code --bench precision}); the parity with the official code holds in
     * fp32.
     */
    @Parameter(
            label = "Precision",
            description = Descriptions.PRECISION,
            choices = {"fp32", "bf16", "auto"})
    protected String precision = "fp32";

    /**
     * The {@code precision} key as a scope to run the network in (close it after); checks the key
     * first.
     *
     * @throws IllegalArgumentException naming the key and the valid choices
     */
    protected Autocast requestPrecision() {
        return Autocast.request(Precision.parse(precision));
    }
}
