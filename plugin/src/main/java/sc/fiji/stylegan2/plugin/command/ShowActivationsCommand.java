package sc.fiji.stylegan2.plugin.command;

import ij.measure.ResultsTable;
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
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ActivationTask;

/**
 * Shows the feature maps of one synthesis layer for a seed (or a latent file), one slice per
 * channel, with per-channel statistics including the spike ratio max/median |a| that exposes the
 * "droplet" artifact (StyleGAN2 paper, Karras et al. 2020, Sec. 2, Fig. 1); optionally a montage
 * and statistics of every layer.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Show Activations",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Show Activations",
        description =
                "Shows a synthesis layer's feature maps for a seed, with per-channel statistics.",
        headless = true)
public class ShowActivationsCommand extends TruncationCommand {

    @Parameter(label = "Seed", description = "The seed of the image (0..4294967295).", min = "0")
    private long seed = 0;

    @Parameter(
            label = "Latent file",
            required = false,
            persist = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    Descriptions.ONE_LATENT
                            + " With noise_mode const its stored noise maps are used too.")
    private File latent_file;

    @Parameter(
            label = "Layer",
            description =
                    "A synthesis layer: b4.conv1, b4.torgb, b8.conv0, b8.conv1,"
                            + " b8.torgb, ... up to the model's resolution (Model Info lists them).")
    private String layer = "b4.conv1";

    @Parameter(
            label = "Noise mode",
            description = Descriptions.NOISE_MODE,
            choices = {"const", "random", "none"})
    private String noise_mode = "const";

    @Parameter(
            label = "All layers",
            description =
                    "Also a montage of every layer (mean |a| over channels,"
                            + " each tile scaled to its max) and a table with one row per layer.")
    private boolean all_layers = false;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Activations",
            description =
                    "The layer's feature maps: dims (W, H, channels), slices labelled 'channel N' from 0.")
    private Img<FloatType> activations;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Activation statistics",
            description = "One row per channel: channel, mean, std, max, max/median |a|.")
    private ResultsTable statistics;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Activation montage",
            required = false,
            description =
                    "With all_layers: one tile per layer in forward order, mean |a| scaled to 0..1.")
    private Img<FloatType> montage;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Layer statistics",
            required = false,
            description =
                    "With all_layers: one row per layer: size, channels, mean, std, max,"
                            + " max/median |a|, the worst channel's max/median |a|, the fraction"
                            + " of channels whose peak |a| is within 1 px of a common location"
                            + " (peak agreement; droplets show as values near 1) and that"
                            + " location (peak x, peak y).")
    private ResultsTable layer_statistics;

    @Override
    public void run() {
        try (Autocast mixed = requestPrecision()) {
            ActivationTask.Request req =
                    new ActivationTask.Request(
                            LatentFiles.orSeeds(
                                    "latent_file",
                                    latent_file,
                                    () -> InputChecks.seedSource("seed", seed)),
                            layer,
                            InputChecks.psi(truncation_psi),
                            NoiseMode.parse(noise_mode),
                            all_layers,
                            condition);
            String on = DeviceChoice.require("device", device);
            ActivationTask.Result r =
                    ActivationTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            req,
                            new StatusProgress(status, this));
            if (r != null) {
                activations = r.activations();
                statistics = r.statistics();
                montage = r.montage();
                layer_statistics = r.layerStatistics();
                report(status, "Activations of " + r.layer() + " for " + r.image() + ", on " + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
