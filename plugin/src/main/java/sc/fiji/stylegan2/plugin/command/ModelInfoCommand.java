package sc.fiji.stylegan2.plugin.command;

import java.io.IOException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ModelTasks;

/**
 * Shows what a StyleGAN2 model file holds: architecture, resolution, channels, latent sizes,
 * networks.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Model Info",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Model Info",
        description = "Describes a StyleGAN2 model file (.pkl, .pt or .sg2).",
        headless = true)
public class ModelInfoCommand extends ModelCommand {

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Model info",
            description = "A multi-line summary of the model.")
    private String info;

    @Override
    public void run() {
        try {
            info = ModelTasks.describe(ModelFiles.requireReadable("model_file", model_file));
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
