package sc.fiji.stylegan2.plugin.command;

import java.io.IOException;
import java.nio.file.Path;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.task.BundledModel;
import sc.fiji.stylegan2.plugin.task.ModelTasks;

/**
 * Something to try without a model of one's own: generates one image per seed from the small
 * pretrained model shipped with the plugin ({@link BundledModel}: config {@code small}, 32 px,
 * Fashion-MNIST subset), with the defaults of {@link GenerateImagesCommand} (truncation psi 1,
 * noise mode const, output range model, batch size 8) and its task code.
 *
 * <p>Outputs {@code images}, a {@link LabeledFloatImg} (W, H, N) labelled {@code seed=S} as
 * Generate Images gives, and {@code model_file}, the path the model was written to, for use in the
 * other commands.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Demo",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Demo",
        description =
                "Generates images from the small pretrained model shipped with the plugin (32 px, Fashion-MNIST).",
        headless = true)
public class DemoCommand extends StyleGAN2Command {

    @Parameter(
            label = "Seeds",
            description =
                    "One image per seed: ranges and lists such as 0-7 or 1,5,9 or 0-3,10 (0..4294967295).")
    private String seeds = "0-15";

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Generated images",
            description = "A LabeledFloatImg: dims (W, H, N); labels seed=S.")
    private Img<FloatType> images;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Model file",
            description =
                    "Where the bundled model was written: a model_file for the other commands.")
    private String model_file;

    @Override
    public void run() {
        try {
            LatentSource source = InputChecks.seedSource("seeds", seeds, 1);
            GenerateRequest request = ModelTasks.generateRequest(seeds, 1.0, "const", "model", 8);
            Path model = BundledModel.extract();
            model_file = model.toString();
            images = ModelTasks.generate(model, source, request, new StatusProgress(status, this));
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
