package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.plugin.headless.ShutdownCancel;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.task.OfficialExportTask;
import sc.fiji.stylegan2.plugin.task.TrainingTask;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Hands a run to the official NVlabs StyleGAN2-ADA PyTorch trainer on a GPU cluster: writes the
 * images in its dataset format ({@code dataset.zip}, prepared by the same data keys as Train
 * StyleGAN2), {@code train.sh} with its command line, and, with {@code model_file}, the networks as
 * state dicts plus {@code make_resume_pkl.py}, which makes the {@code resume.pkl} of its {@code
 * --resume} beside the official code. None of the official code is in this project.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Export for Official Training",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Export for Official Training",
        description =
                "Writes the official StyleGAN2-ADA dataset zip, train.sh and (from a model) the"
                        + " networks its trainer resumes from, for training on a GPU cluster.",
        headless = true)
public class ExportForOfficialTrainingCommand extends StyleGAN2Command {

    @Parameter(required = false)
    private LogService log;

    @Parameter private PluginService plugins;

    @Parameter(
            label = "Images",
            description = "The training images: a TIFF stack file or a folder of images.",
            style = FileWidget.OPEN_STYLE)
    private File images;

    @Parameter(
            label = "Output folder",
            description =
                    "Where dataset.zip, train.sh, export.json and the networks go (created when"
                            + " missing; files of an earlier export are replaced).",
            style = FileWidget.DIRECTORY_STYLE)
    private File output_dir;

    @Parameter(
            label = "Model to continue (optional)",
            description =
                    "Empty for a new run; a training checkpoint (network-snapshot-*.sg2, which also"
                            + " brings its options and augmentation p) or an official .pkl with G and D.",
            required = false)
    private String model_file = "";

    @Parameter(
            label = "Class file (optional)",
            description =
                    "Empty, or a text file with one class index (0, 1, ...) per image, in the"
                            + " images' order: a conditional dataset (official --cond=1).",
            required = false)
    private String class_file = "";

    @Parameter(
            label = "Resolution",
            description = "Image size in pixels, a power of two (8..1024).",
            min = "8")
    private int resolution = 256;

    @Parameter(
            label = "Config",
            description =
                    "The networks and schedule of a new run (as Train StyleGAN2); a training"
                            + " checkpoint keeps its own.",
            choices = {"small", "auto", "cifar", "paper256"})
    private String config = "paper256";

    @Parameter(
            label = "Official length (kimg)",
            description = "The official run's --kimg: thousands of real images to show D there.",
            min = "1")
    private int kimg = 5000;

    @Parameter(
            label = "Batch size",
            description = "Images per minibatch over all GPUs; 0 = the config's.",
            min = "0")
    private int batch_size = 0;

    @Parameter(
            label = "Snapshot every (kimg)",
            description = "Official snapshots every this many kimg (--snap counts 4-kimg ticks).")
    private double snapshot_kimg = 200;

    @Parameter(label = "Mirror (x-flips)", description = "Official --mirror=1.")
    private boolean mirror = false;

    @Parameter(
            label = "Augmentation",
            description =
                    "ada, none (official noaug), fixed (with augment_p), or auto (ada below 2,000"
                            + " images); a training checkpoint keeps its own.",
            choices = {"auto", "ada", "none", "fixed"})
    private String augment = "auto";

    @Parameter(
            label = "Augmentation p",
            description = "The p of augment=fixed.",
            min = "0",
            max = "1",
            stepSize = "0.05")
    private double augment_p = 0;

    @Parameter(
            label = "ADA target",
            description = "Official --target (0.6).",
            min = "-1",
            max = "1",
            stepSize = "0.05")
    private double ada_target = 0.6;

    @Parameter(
            label = "ADA speed (kimg)",
            description = "Thousands of images for ada to move p by 1 (official 500).")
    private double ada_kimg = 500;

    @Parameter(
            label = "Intensity range",
            description =
                    "As Train StyleGAN2: which intensities map to [-1, 1], then to 0..255 in the"
                            + " PNGs (type, data, percentile, auto).",
            choices = {"auto", "type", "data", "percentile"})
    private String intensity = "auto";

    @Parameter(
            label = "Percentile low (%)",
            description = "The low end of intensity=percentile.",
            min = "0",
            max = "100",
            stepSize = "0.1")
    private double percentile_low = 0.1;

    @Parameter(
            label = "Percentile high (%)",
            description = "The high end of intensity=percentile.",
            min = "0",
            max = "100",
            stepSize = "0.1")
    private double percentile_high = 99.9;

    @Parameter(label = "Range per channel", description = "Each channel its own intensity range.")
    private boolean per_channel = true;

    @Parameter(
            label = "Sampling",
            description =
                    "whole = each image one sample; tiles = the non-overlapping grid of"
                            + " resolution x scale tiles; objects = one crop per object of labels.",
            choices = {"whole", "tiles", "objects"})
    private String sampling = "whole";

    @Parameter(
            label = "Scale",
            description = "Data pixels per training pixel for tiles and objects.",
            min = "0",
            stepSize = "0.5")
    private double scale = 1;

    @Parameter(
            label = "Labels",
            description = "Empty, or a label image or mask: needed for sampling=objects.",
            required = false)
    private String labels = "";

    @Parameter(
            label = "Minimum foreground",
            description = "For tiles with labels (as Train StyleGAN2).",
            min = "0",
            max = "1",
            stepSize = "0.05")
    private double min_foreground = 0;

    @Parameter(type = ItemIO.OUTPUT, label = "Result", description = "What was written.")
    private String message;

    @Override
    public void run() {
        try (ShutdownCancel shutdown = new ShutdownCancel(60)) {
            int res = TrainingTask.requireResolution(resolution);
            TrainingTask.checkKeys(config, kimg, batch_size, snapshot_kimg);
            TrainingTask.augmentation(augment, augment_p, ada_target, ada_kimg, 0);
            DataOptions dataOptions =
                    TrainingTask.dataOptions(
                            intensity,
                            percentile_low,
                            percentile_high,
                            per_channel,
                            sampling,
                            scale,
                            min_foreground);
            Path labelsPath = TrainingTask.labelsFile(labels, dataOptions);
            Path out = TrainingTask.outputFolder(output_dir);
            Path modelPath = OfficialExportTask.modelFile(model_file);
            int[] classes = OfficialExportTask.classes(class_file);
            TrainingData data =
                    TrainingTask.loadImages(
                            plugins,
                            TrainingTask.requireImages(images, TrainingTask.IMAGES_HINT),
                            res,
                            dataOptions,
                            labelsPath,
                            null);
            OfficialExportTask.checkData(data, classes);
            AugmentOptions augmentation =
                    TrainingTask.augmentation(
                            augment, augment_p, ada_target, ada_kimg, data.size());
            TrainingOptions keys =
                    OfficialExportTask.keyOptions(
                            config, data, batch_size, snapshot_kimg, mirror, augmentation);
            OfficialExportTask.Start start = OfficialExportTask.start(modelPath, keys, data);
            try {
                OfficialExportTask.requireLabelsFit(start, classes);
                message =
                        OfficialExportTask.export(
                                out, data, classes, start, kimg, progress(shutdown));
            } finally {
                if (start.model() != null) {
                    start.model().close();
                }
            }
            shutdown.reportIfStopping(message);
            report(status, message);
            if (log != null) {
                log.info(message);
            }
        } catch (CancellationException e) {
            stopped();
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    /**
     * Progress to the status bar; cancel from the command or, headless, from Ctrl-C (the dataset
     * zip being written is then dropped, its temporary file deleted).
     */
    private ProgressListener progress(ShutdownCancel shutdown) {
        StatusProgress bar = new StatusProgress(status, this);
        return new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                bar.progress(done, total, message);
            }

            @Override
            public boolean isCanceled() {
                return bar.isCanceled() || shutdown.requested();
            }
        };
    }
}
