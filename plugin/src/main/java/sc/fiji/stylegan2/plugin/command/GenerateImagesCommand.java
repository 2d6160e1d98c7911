package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ModelTasks;

/**
 * Generates one image per seed from a StyleGAN2 generator (Karras et al. 2020), as the official
 * {@code generate.py} does: z from {@code RandomState(seed)}, truncation {@code w' = w_avg + psi (w
 * - w_avg)} (StyleGAN paper, Sec. 3.3), a noise mode and an output range.
 *
 * <p>Instead of seeds, {@code latent_file} gives the ws directly (a projection, see {@link
 * ProjectImageCommand}); the seeds are then not used, truncation applies to the file's ws too, and
 * with noise mode const their stored noise maps replace the model's.
 *
 * <p>A conditional model (official {@code c_dim > 0}) needs {@code condition}, the class of the
 * images (as {@code generate.py --class}); truncation goes towards the model's one global {@code
 * w_avg}, as the official code does.
 *
 * <p>Output {@code images}: a {@link LabeledFloatImg}, dims (W, H, N) for one channel or (W, H, C,
 * N), with the label {@code seed=S} (or {@code <latent file>[i]}) of each image. Invalid values
 * cancel the command with a message naming the parameter.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Generate Images",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Generate Images",
        description = "Generates one image per seed from a StyleGAN2 model (.pkl, .pt or .sg2).",
        headless = true)
public class GenerateImagesCommand extends GeneratorCommand {

    @Parameter(
            label = "Seeds",
            description =
                    "One image per seed: ranges and lists such as 0-7 or 1,5,9 or 0-3,10 (0..4294967295).")
    private String seeds = "0-7";

    @Parameter(
            label = "Latent file",
            required = false,
            persist = false, // a remembered file would silently replace the seeds of the next run
            style = FileWidget.OPEN_STYLE,
            description =
                    "Instead of seeds: one image per latent of a latent file, "
                            + Descriptions.LATENT_FORMAT
                            + ". When given, seeds is not used; with noise_mode const its stored noise maps are used too.")
    private File latent_file;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Generated images",
            description =
                    "A LabeledFloatImg: dims (W, H, N) for one channel or (W, H, C, N); labels seed=S.")
    private Img<FloatType> images;

    @Override
    public void run() {
        try (Autocast mixed = requestPrecision()) {
            LatentSource source =
                    LatentFiles.orSeeds(
                            "latent_file",
                            latent_file,
                            () -> InputChecks.seedSource("seeds", seeds, 1));
            // With a latent file the seeds are not used (not even checked); "0" stands in for them.
            GenerateRequest request =
                    ModelTasks.generateRequest(
                            source instanceof LatentSource.Seeds ? seeds : "0",
                            truncation_psi,
                            noise_mode,
                            output_range,
                            batch_size);
            DeviceChoice.require("device", device);
            Path model = ModelFiles.requireReadable("model_file", model_file);
            images =
                    ModelTasks.generate(
                            model, source, request, condition, new StatusProgress(status, this));
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
