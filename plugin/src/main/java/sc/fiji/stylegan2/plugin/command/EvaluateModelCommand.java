package sc.fiji.stylegan2.plugin.command;

import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.EvaluationTask;
import sc.fiji.stylegan2.plugin.task.TrainingTask;
import sc.fiji.stylegan2.training.data.DataOptions;

/**
 * Measures a model: Fréchet distance and KID of its images against the user's images, which are
 * prepared exactly as Train StyleGAN2 prepares training data (the same intensity and sampling keys
 * and defaults), and the perceptual path length (StyleGAN, Karras et al. 2019, Sec. 4.1) in Z or W,
 * over the full path or at its ends, as the official stylegan2-ada metrics; for a conditional model
 * the linear separability of its classes (StyleGAN Sec. 4.2); each resolution's toRGB share
 * (StyleGAN2 Fig. 8); generated vs real images by their projection distances (StyleGAN2 Fig. 10),
 * with a histogram table and plot. One row per metric (several for some).
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Evaluate Model",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Evaluate Model",
        description = "Measures a model: FD and KID against your images, perceptual path length.",
        headless = true)
public class EvaluateModelCommand extends ConditionCommand {

    @Parameter private PluginService plugins;

    @Parameter(
            label = "Images",
            required = false,
            persist = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    "Real images for fd, kid and projection_distance (not needed for ppl): a TIFF"
                            + " stack file or a folder"
                            + " of images, prepared as for training by the keys intensity .. min_foreground.")
    private File images;

    @Parameter(
            label = "Metrics",
            description =
                    "A comma list: fd, kid (against images), ppl_zfull, ppl_wfull, ppl_zend,"
                            + " ppl_wend (perceptual path length: slerp in Z or lerp in W, t anywhere or"
                            + " at the start), linear_separability (a conditional model's classes in Z"
                            + " and W; 1 = each cut off by a plane), torgb_contribution (each resolution's"
                            + " share of the output, StyleGAN2 Fig. 8), projection_distance (generated"
                            + " vs real images projected into W: their distances to their projections"
                            + " and a histogram, StyleGAN2 Fig. 10).")
    private String metrics = "ppl_wend";

    @Parameter(
            label = "Number of samples",
            description =
                    "Paths for ppl (10,000 by default; fewer for a quick look); generated images for"
                            + " fd and kid, with as many real images at most; samples for linear_separability.",
            min = "2")
    private int num_samples = 10000;

    @Parameter(
            label = "Batch size",
            description =
                    "Images (fd, kid), paths (ppl) or projection targets at once; lower it if memory"
                            + " runs out.",
            min = "1")
    private int batch_size = 32;

    @Parameter(
            label = "Seed",
            description =
                    "Seeds the real images chosen, the path draws and their noise, and the first"
                            + " seed projection_distance generates (0..4294967295).",
            min = "0")
    private long seed = 0;

    @Parameter(
            label = "Feature file",
            required = false,
            persist = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    "Empty: fd and kid on the built-in offline features. Else a TorchScript network"
                            + " with the official FID detector's call (e.g. NVlabs inception-2015-12-05.pt).")
    private File feature_file;

    @Parameter(
            label = "LPIPS file",
            required = false,
            persist = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    "Empty: ppl and projection_distance on the built-in offline features. Else a"
                            + " TorchScript network mapping"
                            + " [N, 3, H, W] images in 0..255 to LPIPS features (NVlabs vgg16.pt wrapped,"
                            + " see the README).")
    private File lpips_file;

    @Parameter(
            label = "Crop (ppl)",
            description =
                    "Measure ppl on the centre only, as the official crop for faces (rows 3/8..7/8,"
                            + " columns 2/8..6/8).")
    private boolean crop = false;

    @Parameter(
            label = "Projection images",
            description =
                    "projection_distance projects min(num_samples, this) generated images and as"
                            + " many real ones (fewer when there are fewer).",
            min = "1")
    private int projection_images = 32;

    @Parameter(
            label = "Projection steps",
            description =
                    "projection_distance's optimisation steps per image (the official projector: 1000).",
            min = "1")
    private int projection_steps = 250;

    @Parameter(
            label = "Intensity range",
            description = "As in Train StyleGAN2: auto, type, data or percentile.",
            choices = {"auto", "type", "data", "percentile"})
    private String intensity = "auto";

    @Parameter(
            label = "Percentile low (%)",
            description = "As in Train StyleGAN2.",
            min = "0",
            max = "100",
            stepSize = "0.1")
    private double percentile_low = 0.1;

    @Parameter(
            label = "Percentile high (%)",
            description = "As in Train StyleGAN2.",
            min = "0",
            max = "100",
            stepSize = "0.1")
    private double percentile_high = 99.9;

    @Parameter(label = "Range per channel", description = "As in Train StyleGAN2.")
    private boolean per_channel = true;

    @Parameter(
            label = "Sampling",
            description = "As in Train StyleGAN2: whole, tiles or objects.",
            choices = {"whole", "tiles", "objects"})
    private String sampling = "whole";

    @Parameter(
            label = "Scale",
            description = "As in Train StyleGAN2: data pixels per model pixel.",
            min = "0",
            stepSize = "0.5")
    private double scale = 1;

    @Parameter(
            label = "Labels",
            description = "As in Train StyleGAN2: a label image or mask, for objects or tiles.",
            required = false)
    private String labels = "";

    @Parameter(
            label = "Minimum foreground",
            description = "As in Train StyleGAN2.",
            min = "0",
            max = "1",
            stepSize = "0.05")
    private double min_foreground = 0;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Evaluation",
            description =
                    "One row per metric: metric, value, samples, real images, features, seconds, note.")
    private ResultsTable results;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Projection distance histogram",
            required = false,
            description =
                    "With projection_distance: one row per bin (bin start, bin end, generated,"
                            + " real), common bins for both sets.")
    private ResultsTable histogram;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Projection distance plot",
            required = false,
            description =
                    "With projection_distance: the histogram drawn (generated blue, real red), an"
                            + " RGB image as 3 channels.")
    private Img<FloatType> histogram_plot;

    @Override
    public void run() {
        try {
            List<String> chosen = EvaluationTask.metrics(metrics);
            InputChecks.atLeast("num_samples", num_samples, 2, " (e.g. 10000)");
            InputChecks.atLeast("batch_size", batch_size, 1, "");
            InputChecks.seed("seed", seed);
            InputChecks.atLeast("projection_images", projection_images, 1, " (e.g. 32)");
            InputChecks.atLeast("projection_steps", projection_steps, 1, " (e.g. 250)");
            DataOptions data =
                    TrainingTask.dataOptions(
                            intensity,
                            percentile_low,
                            percentile_high,
                            per_channel,
                            sampling,
                            scale,
                            min_foreground);
            Path labelsPath =
                    EvaluationTask.needsImages(chosen)
                            ? TrainingTask.labelsFile(labels, data)
                            : null;
            Path realImages =
                    EvaluationTask.needsImages(chosen)
                            ? TrainingTask.requireImages(
                                    images,
                                    "fd, kid and projection_distance compare with real images; give a TIFF stack file or a folder of images, or leave them out of metrics")
                            : null;
            EvaluationTask.Request req =
                    new EvaluationTask.Request(
                            chosen,
                            num_samples,
                            optionalFile("feature_file", feature_file),
                            optionalFile("lpips_file", lpips_file),
                            crop,
                            seed,
                            batch_size,
                            condition,
                            projection_images,
                            projection_steps);
            Path model = ModelFiles.requireReadable("model_file", model_file);
            String on = DeviceChoice.require("device", device);
            EvaluationTask.Outcome outcome =
                    EvaluationTask.run(
                            model,
                            req,
                            res ->
                                    TrainingTask.loadImages(
                                            plugins, realImages, res, data, labelsPath, null),
                            new StatusProgress(status, this));
            if (outcome == null) {
                stopped();
            } else {
                results = outcome.results();
                histogram = outcome.histogram();
                histogram_plot = outcome.histogramPlot();
                report(status, "Evaluated " + String.join(", ", chosen) + " on " + on);
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    private static Path optionalFile(String key, File file) {
        if (file == null || file.getPath().isBlank()) {
            return null;
        }
        if (!Files.isRegularFile(file.toPath())) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + file
                            + "' is not a file: give a TorchScript file, or leave it"
                            + " empty for the built-in features");
        }
        return file.toPath();
    }
}
