package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.StochasticVariationTask;

/**
 * Stochastic variation (StyleGAN paper, Karras et al. 2019, Sec. 3.2, Fig. 4 and 5): one seed's (or
 * latent file's) image with several realisations of the per-pixel noise in the chosen layers, and
 * the per-pixel standard deviation over them, which shows what the noise controls (hair, skin
 * pores, background texture).
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Stochastic Variation",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Stochastic Variation",
        description =
                "One seed with different noise: the samples and their per-pixel standard deviation.",
        headless = true)
public class StochasticVariationCommand extends ImageBatchCommand {

    @Parameter(label = "Seed", description = "The seed of the image (0..4294967295).", min = "0")
    private long seed = 0;

    @Parameter(
            label = "Latent file",
            required = false,
            persist = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    Descriptions.ONE_LATENT
                            + " Its stored noise maps are not used: this command draws noise.")
    private File latent_file;

    @Parameter(
            label = "Samples",
            description =
                    "Noise realisations, 2 or more; sample k draws its noise from"
                            + " seed k, so runs are reproducible.",
            min = "2")
    private int samples = 8;

    @Parameter(
            label = "Noise layers",
            description =
                    "Which layers get noise (StyleGAN Fig. 5): all, none, "
                            + Descriptions.STYLE_GROUPS
                            + ", or groups joined with +.",
            choices = {"all", "coarse", "middle", "fine", "coarse+middle", "middle+fine", "none"})
    private String noise_layers = "all";

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Noise samples",
            description =
                    Descriptions.IMAGES
                            + " Labels: seed=S noise=k (a latent file: name[0] noise=k).")
    private Img<FloatType> images;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Per-pixel standard deviation",
            description =
                    "One image with the samples' channels: the population std of each pixel over the samples.")
    private Img<FloatType> std;

    @Override
    public void run() {
        try (Autocast mixed = requestPrecision()) {
            StochasticVariationTask.Request req =
                    new StochasticVariationTask.Request(
                            LatentFiles.orSeeds(
                                    "latent_file",
                                    latent_file,
                                    () -> InputChecks.seedSource("seed", seed)),
                            InputChecks.atLeast("samples", samples, 2, " (the std needs several)"),
                            noise_layers,
                            InputChecks.psi(truncation_psi),
                            OutputRange.parse(output_range),
                            InputChecks.batchSize(batch_size),
                            condition);
            String on = DeviceChoice.require("device", device);
            StochasticVariationTask.Result r =
                    StochasticVariationTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            req,
                            new StatusProgress(status, this));
            if (r != null) {
                images = r.samples();
                std = r.std();
                report(
                        status,
                        "Stochastic variation: "
                                + samples
                                + " samples of "
                                + r.image()
                                + ", noise in "
                                + r.noisyLayers()
                                + " layers, on "
                                + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
