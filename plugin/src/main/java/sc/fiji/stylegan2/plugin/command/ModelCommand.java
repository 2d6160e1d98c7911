package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/** Base of the commands that open a model: the {@code model_file} key. */
public abstract class ModelCommand extends StyleGAN2Command {

    @Parameter(
            label = "Model file",
            description = Descriptions.MODEL_FILE,
            style = FileWidget.OPEN_STYLE)
    protected File model_file;
}
