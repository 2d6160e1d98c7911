package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ModelTasks;

/**
 * Converts an official StyleGAN2 checkpoint ({@code .pkl} snapshot or {@code .pt} state dict) into
 * this project's {@code .sg2} format, which loads faster and needs no pickle reader. The file is
 * written atomically.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Convert Checkpoint",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Convert Checkpoint",
        description = "Converts a StyleGAN2 .pkl/.pt/.sg2 model into this plugin's .sg2 format.",
        headless = true)
public class ConvertCheckpointCommand extends ModelCommand {

    @Parameter(
            label = "Output file",
            description =
                    "The .sg2 file to write (.sg2 is appended when missing); replaced if it exists.",
            style = FileWidget.SAVE_STYLE)
    private File output_file;

    @Parameter(type = ItemIO.OUTPUT, label = "Result", description = "What was written.")
    private String message;

    @Override
    public void run() {
        try {
            message =
                    ModelTasks.convert(
                            ModelFiles.requireReadable("model_file", model_file),
                            ModelFiles.requireWritableSg2("output_file", output_file));
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
