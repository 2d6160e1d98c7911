package sc.fiji.stylegan2.plugin;

import java.io.File;
import java.io.IOException;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.OutputRange;

/**
 * Stochastic variation (StyleGAN paper, Karras et al. 2019, Sec. 3.2, Fig. 4 and 5): one seed's (or latent
 * file's) image with several realisations of the per-pixel noise in the chosen layers, and the per-pixel
 * standard deviation over them, which shows what the noise controls (hair, skin pores, background texture).
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Stochastic Variation",
        label = "Stochastic Variation",
        description = "One seed with different noise: the samples and their per-pixel standard deviation.",
        headless = true)
public class StochasticVariationCommand extends StyleGAN2Command {

    @Parameter(required = false)
    private StatusService status;

    @Parameter(label = "Model file", description = Descriptions.MODEL_FILE, style = FileWidget.OPEN_STYLE)
    private File model_file;

    @Parameter(label = "Seed", description = "The seed of the image (0..4294967295).", min = "0")
    private long seed = 0;

    @Parameter(label = "Latent file", required = false, persist = false, style = FileWidget.OPEN_STYLE,
            description = Descriptions.ONE_LATENT + " Its stored noise maps are not used: this command draws noise.")
    private File latent_file;

    @Parameter(label = "Samples", description = "Noise realisations, 2 or more; sample k draws its noise from"
            + " seed k, so runs are reproducible.", min = "2")
    private int samples = 8;

    @Parameter(label = "Noise layers", description = "Which layers get noise (StyleGAN Fig. 5): all, none,"
            + " coarse (4-8 px), middle (16-32 px), fine (64 px and up), or groups joined with +.",
            choices = {"all", "coarse", "middle", "fine", "coarse+middle", "middle+fine", "none"})
    private String noise_layers = "all";

    @Parameter(label = "Truncation psi", description = Descriptions.TRUNCATION_PSI, stepSize = "0.05")
    private double truncation_psi = 1.0;

    @Parameter(label = "Output range", description = Descriptions.OUTPUT_RANGE, choices = {"model", "raw"})
    private String output_range = "model";

    @Parameter(label = "Batch size", description = Descriptions.BATCH_SIZE, min = "1")
    private int batch_size = 8;

    @Parameter(label = "Device", description = Descriptions.DEVICE, choices = {"auto", "CPU", "GPU"})
    private String device = "auto";

    @Parameter(type = ItemIO.OUTPUT, label = "Noise samples",
            description = Descriptions.IMAGES + " Labels: seed=S noise=k (a latent file: name[0] noise=k).")
    private Img<FloatType> images;

    @Parameter(type = ItemIO.OUTPUT, label = "Per-pixel standard deviation",
            description = "One image with the samples' channels: the population std of each pixel over the samples.")
    private Img<FloatType> std;

    @Override
    public void run() {
        try {
            StochasticVariationTask.Request req = new StochasticVariationTask.Request(
                    LatentFiles.orSeeds("latent_file", latent_file, () -> InputChecks.seedSource("seed", seed)),
                    InputChecks.atLeast("samples", samples, 2, " (the std needs several)"), noise_layers,
                    InputChecks.psi(truncation_psi), OutputRange.parse(output_range),
                    InputChecks.atLeast("batch_size", batch_size, 1, ""));
            String on = DeviceChoice.require("device", device);
            StochasticVariationTask.Result r = StochasticVariationTask.run(
                    ModelFiles.requireReadable("model_file", model_file), req, new StatusProgress(status, this));
            if (r != null) {
                images = r.samples();
                std = r.std();
                report(status, "Stochastic variation: " + samples + " samples of " + r.image() + ", noise in "
                        + r.noisyLayers() + " layers, on " + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
