package sc.fiji.stylegan2.plugin.command;

import java.io.IOException;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.explore.LatentSpace;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.InterpolationTask;

/**
 * Latent interpolation (StyleGAN paper, Karras et al. 2019, Sec. 4.2): a stack that walks through
 * the seeds in order, by slerp in Z or lerp in W, with {@code frames} images between each pair of
 * seeds, ready to play as an animation. In W the keys may instead be the latents of files ({@code
 * latent_files}), e.g. projections of real images (see {@link ProjectImageCommand}).
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Interpolate Latents",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Interpolate Latents",
        description = "Makes a stack that morphs through the seeds (slerp in Z or lerp in W).",
        headless = true)
public class InterpolateLatentsCommand extends GeneratorCommand {

    @Parameter(
            label = "Seeds",
            description = "The seeds to pass through, in order, at least two (e.g. 0-3 or 5,1,9).")
    private String seeds = "0-3";

    @Parameter(
            label = "Latent files",
            required = false,
            persist = false,
            description =
                    "Instead of seeds:"
                            + " latent files separated by commas, "
                            + Descriptions.LATENT_FORMAT
                            + ". When given, seeds is not used."
                            + " Their latents are the keys in order, at least two (two files, or one holding several); space w only;"
                            + " with noise_mode const stored noise maps are used, lerped between keys.")
    private String latent_files = "";

    @Parameter(
            label = "Frames between seeds",
            description =
                    "Images between each pair of seeds (1 or more); the stack has (seeds-1)*(frames+1)+1.",
            min = "1")
    private int frames = 8;

    @Parameter(
            label = "Space",
            description =
                    "z = spherical interpolation of the Gaussian z, then the mapping;"
                            + " w = linear interpolation of the per-layer latents w (smoother, StyleGAN Sec. 4).",
            choices = {"w", "z"})
    private String space = "w";

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Interpolated images",
            description =
                    Descriptions.IMAGES
                            + " Labels: seed=S for the seeds, seed=A>B t=0.250 between;"
                            + " a latent file's name[i] for its latents.")
    private Img<FloatType> images;

    @Override
    public void run() {
        try (Autocast mixed = requestPrecision()) {
            InterpolationTask.Request req =
                    new InterpolationTask.Request(
                            LatentFiles.orSeeds(
                                    "latent_files",
                                    latent_files,
                                    () -> InputChecks.seedSource("seeds", seeds, 2)),
                            InputChecks.atLeast(
                                    "frames", frames, 1, " (images between each pair of seeds)"),
                            LatentSpace.parse("space", space),
                            InputChecks.psi(truncation_psi),
                            NoiseMode.parse(noise_mode),
                            OutputRange.parse(output_range),
                            InputChecks.batchSize(batch_size),
                            condition);
            String on = DeviceChoice.require("device", device);
            images =
                    InterpolationTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            req,
                            new StatusProgress(status, this));
            if (images != null) {
                report(
                        status,
                        "Interpolated "
                                + images.dimension(images.numDimensions() - 1)
                                + " frames in "
                                + req.space().key().toUpperCase(java.util.Locale.ROOT)
                                + " on "
                                + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
