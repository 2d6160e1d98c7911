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
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.direction.Strengths;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ApplyDirectionTask;

/**
 * Walks latents (seeds, or projected real images) along a direction found by Find Directions, over
 * a range of strengths and on chosen layers (coarse / middle / fine or ws indices): {@code w'[l] =
 * w[l] + s d}. Strength 0 is the latent's own image.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Apply Direction",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Apply Direction",
        description =
                "Moves seeds or projected latents along a direction over a range of strengths.",
        headless = true)
public class ApplyDirectionCommand extends GeneratorCommand {

    @Parameter(label = "Seeds", description = "The seeds to edit (e.g. 0-3 or 5,1,9).")
    private String seeds = "0";

    @Parameter(
            label = "Latent files",
            required = false,
            persist = false,
            description =
                    "Instead of seeds: latent files separated by commas, "
                            + Descriptions.LATENT_FORMAT
                            + ", e.g. projections of real images. When given, seeds is not used.")
    private String latent_files = "";

    @Parameter(
            label = "Direction file",
            style = FileWidget.OPEN_STYLE,
            description = "The .npz written by Find Directions.")
    private File direction_file;

    @Parameter(
            label = "Direction index",
            description = "Which direction of the file (0 = the best).",
            min = "0")
    private int direction_index = 0;

    @Parameter(
            label = "Strengths",
            description =
                    "How far to move, in units of w: start:stop:count (-3:3:7 = -3, -2, ..., 3) or"
                            + " numbers separated by commas.")
    private String strengths = "-3:3:7";

    @Parameter(
            label = "Layers",
            description =
                    "The ws indices moved: found = those stored in the direction file; all, "
                            + Descriptions.STYLE_GROUPS
                            + ", joined with +, or indices like 0-3.")
    private String layers = ApplyDirectionTask.FOUND;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Edited images",
            description =
                    Descriptions.IMAGES
                            + " The strengths of each seed in order, labelled seed=S d=0 s=-3.000"
                            + " (a latent file: name[i] d=0 s=...).")
    private Img<FloatType> images;

    @Override
    public void run() {
        try {
            ApplyDirectionTask.Request req =
                    new ApplyDirectionTask.Request(
                            LatentFiles.orSeeds(
                                    "latent_files",
                                    latent_files,
                                    () -> InputChecks.seedSource("seeds", seeds, 1)),
                            condition,
                            directionFile(),
                            InputChecks.atLeast("direction_index", direction_index, 0, ""),
                            Strengths.parse("strengths", strengths),
                            layers,
                            InputChecks.psi(truncation_psi),
                            NoiseMode.parse(noise_mode),
                            OutputRange.parse(output_range),
                            InputChecks.batchSize(batch_size));
            String on = DeviceChoice.require("device", device);
            images =
                    ApplyDirectionTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            req,
                            new StatusProgress(status, this));
            if (images != null) {
                report(
                        status,
                        "Applied direction "
                                + direction_index
                                + " at "
                                + req.strengths().length
                                + " strengths, on "
                                + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    private Path directionFile() {
        if (direction_file == null || direction_file.getPath().isBlank()) {
            throw new IllegalArgumentException(
                    "direction_file is not set: give the .npz written by Find Directions");
        }
        Path path = direction_file.toPath();
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new IllegalArgumentException(
                    "direction_file '"
                            + path
                            + "' "
                            + (java.nio.file.Files.isDirectory(path)
                                    ? "is a folder"
                                    : "does not exist")
                            + ": give the .npz written by Find Directions");
        }
        return path;
    }
}
