package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.plugin.headless.ShutdownCancel;
import sc.fiji.stylegan2.plugin.task.TrainingTask;
import sc.fiji.stylegan2.plugin.training.ConditionalImages;
import sc.fiji.stylegan2.plugin.training.LossPlot;
import sc.fiji.stylegan2.plugin.training.RoiSets;
import sc.fiji.stylegan2.plugin.training.TrainingPreview;
import sc.fiji.stylegan2.plugin.training.TrainingStatus;
import sc.fiji.stylegan2.training.GrowingSchedule;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;

/**
 * Trains a StyleGAN2 (Karras et al. 2020) on the user's images with the paper's objective:
 * non-saturating logistic loss, R1 every 16 minibatches, path length regularisation every 4, style
 * mixing, Adam with the lazy-regularisation correction, G_ema. Checkpoints ({@code
 * network-snapshot-*.sg2}, loadable by every other command), fixed-seed grids ({@code fakes*.tif})
 * and a CSV log go to {@code output_dir}; with a display a live preview stack of the grids and a
 * loss plot show the run. Cancel or Ctrl-C writes one more checkpoint, and {@code resume} (a
 * checkpoint, or {@code latest}) continues a run. {@code augment} chooses how the images the
 * discriminator sees are augmented (Karras et al. 2020b, ADA): by default adaptively for stacks
 * under 2,000 images, which is what stacks of a few hundred images need, and not at all for larger
 * ones (measured to slow early training there).
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Train StyleGAN2",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Train StyleGAN2",
        description =
                "Trains a StyleGAN2 generator on an image stack or folder, with checkpoints and a log.",
        headless = true)
public class TrainStyleGAN2Command extends StyleGAN2Command {

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
            description = "Where checkpoints, image grids and the CSV log go.",
            style = FileWidget.DIRECTORY_STYLE)
    private File output_dir;

    @Parameter(
            label = "Resolution",
            description = "Training resolution in pixels, a power of two (8..1024).",
            min = "8")
    private int resolution = 32;

    @Parameter(
            label = "Config",
            description =
                    "small: a CPU-sized network (z = w = 128, batch 8); auto, cifar,"
                            + " paper256: the official setups.",
            choices = {"small", "auto", "cifar", "paper256"})
    private String config = "small";

    @Parameter(
            label = "Length (kimg)",
            description = "Thousands of real images to show the discriminator.",
            stepSize = "1")
    private double kimg = 50;

    @Parameter(
            label = "Batch size",
            description = "Images per minibatch; 0 = the config's.",
            min = "0")
    private int batch_size = 0;

    @Parameter(
            label = "Snapshot every (kimg)",
            description = "Checkpoint and image grid every this many kimg.")
    private double snapshot_kimg = 10;

    @Parameter(
            label = "Mirror (x-flips)",
            description =
                    "Flip each training image left-right half of the time"
                            + " (official --mirror): for data without a preferred left and right.")
    private boolean mirror = false;

    @Parameter(
            label = "Architecture",
            description =
                    "stylegan2 (weight demodulation, the default) or stylegan1: the original StyleGAN"
                            + " (AdaIN, ProGAN discriminator), to compare with; it trains without the"
                            + " path-length penalty, as officially.",
            choices = {"stylegan2", "stylegan1"})
    private String architecture = "stylegan2";

    @Parameter(
            label = "Progressive growing",
            description =
                    "stylegan1 only: grow the resolution from 8x8, fading each new one in"
                            + " (ProGAN); false trains at full resolution throughout.")
    private boolean growing = false;

    @Parameter(
            label = "Growing phase (kimg)",
            description =
                    "While growing: kimg of each resolution and of each fade-in (official 600).",
            min = "0.001")
    private double lod_kimg = 600;

    @Parameter(
            label = "Precision",
            description =
                    Descriptions.PRECISION
                            + " Recorded in the checkpoint; a resumed run keeps the checkpoint's.",
            choices = {"fp32", "bf16", "auto"})
    private String precision = "fp32";

    @Parameter(
            label = "Augmentation",
            description =
                    "How the images the discriminator sees are augmented"
                            + " (flips, 90° rotations, shifts, brightness, contrast): ada adapts the probability p to how much D"
                            + " overfits (for small stacks); auto is ada below 2,000 images and none from there on (on large"
                            + " stacks ada slowed early training); fixed keeps augment_p; none.",
            choices = {"auto", "ada", "none", "fixed"})
    private String augment = "auto";

    @Parameter(
            label = "Augmentation p",
            description =
                    "The probability of augment=fixed; where ada starts"
                            + " (0, as officially). Ignored for none.",
            min = "0",
            max = "1",
            stepSize = "0.05")
    private double augment_p = 0;

    @Parameter(
            label = "ADA target",
            description =
                    "The r_t = mean sign of D's real logits that ada steers to"
                            + " (0.6): lower augments more.",
            min = "-1",
            max = "1",
            stepSize = "0.05")
    private double ada_target = 0.6;

    @Parameter(
            label = "ADA speed (kimg)",
            description =
                    "Thousands of images for ada to move p from 0 to 1"
                            + " (official 500; 100 reacts faster).")
    private double ada_kimg = 500;

    @Parameter(
            label = "Intensity range",
            description =
                    "Which intensities map to the generator's [-1, 1]:"
                            + " type = the pixel type's range (0..255, 0..65535); data = the stack's min..max; percentile ="
                            + " percentile_low..percentile_high (robust to hot pixels, values beyond are clipped); auto = type for"
                            + " 8-bit, data for float, and percentile for 16-bit data using less than a quarter of 0..65535"
                            + " (12-bit cameras).",
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

    @Parameter(
            label = "Range per channel",
            description =
                    "Each channel its own intensity range (a dim marker"
                            + " beside a bright stain keeps its contrast); generated images come back in each channel's units."
                            + " Off: one range for all channels.")
    private boolean per_channel = true;

    @Parameter(
            label = "Sampling",
            description =
                    "whole = each image (made square, resized) is one sample;"
                            + " tiles = a fresh random crop of resolution x scale pixels every time an image is drawn (a few large"
                            + " micrographs); objects = one crop centred on each object of labels or rois.",
            choices = {"whole", "tiles", "objects"})
    private String sampling = "whole";

    @Parameter(
            label = "Scale",
            description =
                    "Data pixels per training pixel for tiles and objects: crops of"
                            + " resolution x scale pixels are resized to the resolution (2 = each training pixel covers 2 x 2).",
            min = "0",
            stepSize = "0.5")
    private double scale = 1;

    @Parameter(
            label = "Labels",
            description =
                    "Empty, or a label image or mask (a file or folder) of the images'"
                            + " size, one plane for all images or one per image: needed for sampling=objects, optional for tiles"
                            + " with min_foreground.",
            required = false)
    private String labels = "";

    @Parameter(
            label = "ROIs",
            description =
                    "Empty, or the objects for sampling=objects as ROIs: a RoiSet.zip (the ROI"
                            + " Manager's More >> Save...) or .roi file, or ROI Manager (its ROIs, inside ImageJ); one crop"
                            + " centred on each ROI (each point of a point ROI).",
            required = false)
    private String rois = "";

    @Parameter(
            label = "Minimum foreground",
            description =
                    "For tiles with labels: the least fraction of"
                            + " labelled pixels a tile needs (0 = any tile).",
            min = "0",
            max = "1",
            stepSize = "0.05")
    private double min_foreground = 0;

    @Parameter(
            label = "Conditions",
            description =
                    "Train a conditional model (one class label per image; generate with"
                            + " condition=...): none; folders = one subfolder of images per condition;"
                            + " slice_labels = the stack's slice labels; a .csv file of file,label rows (files"
                            + " in the images folder); an IDX label file (one class number per image, e.g."
                            + " Fashion-MNIST's train-labels-idx1-ubyte.gz). Needs sampling=whole.",
            required = false)
    private String conditions = "";

    @Parameter(
            label = "Resume from",
            description =
                    "Empty for a new run; a checkpoint file (.sg2, or an official"
                            + " network-snapshot-<kimg>.pkl: its networks, kimg and augmentation p continue, Adam starts"
                            + " fresh); or latest (the newest snapshot in the output folder).",
            required = false)
    private String resume = "";

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Result",
            description = "How the run ended and its last checkpoint.")
    private String message;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Last checkpoint",
            description = "The newest checkpoint written.")
    private File checkpoint;

    @Override
    public void run() {
        try (ShutdownCancel shutdown = new ShutdownCancel(300)) {
            int res = TrainingTask.requireResolution(resolution);
            TrainingTask.checkKeys(config, kimg, batch_size, snapshot_kimg);
            Architecture arch = TrainingTask.architecture(architecture);
            GrowingSchedule schedule = TrainingTask.growing(arch, growing, lod_kimg);
            Precision.parse(precision); // checks the key before the images are read
            TrainingTask.augmentation(
                    augment, augment_p, ada_target, ada_kimg, 0); // checks the keys early
            DataOptions dataOptions =
                    TrainingTask.dataOptions(
                            intensity,
                            percentile_low,
                            percentile_high,
                            per_channel,
                            sampling,
                            scale,
                            min_foreground);
            Path labelsPath = TrainingTask.labelsFile(labels, rois, dataOptions);
            List<RoiSets.RoiCentre> roiCentres = TrainingTask.roiCentres(rois);
            Path imagesPath = TrainingTask.requireImages(images, TrainingTask.IMAGES_HINT);
            TrainingTask.checkConditions(conditions, imagesPath, dataOptions);
            Path out = TrainingTask.outputFolder(output_dir);
            Path resumeFrom = TrainingTask.resumeFile(resume, out);
            TrainingData data =
                    ConditionalImages.none(conditions)
                            ? TrainingTask.loadImages(
                                    plugins, imagesPath, res, dataOptions, labelsPath, roiCentres)
                            : TrainingTask.conditionalData(
                                    imagesPath, conditions, res, dataOptions);
            if (log != null && !data.description().isEmpty()) {
                log.info(data.description());
            }
            AugmentOptions augmentation =
                    TrainingTask.augmentation(
                            augment, augment_p, ada_target, ada_kimg, data.size());
            TrainingOptions options =
                    TrainingTask.options(
                            config,
                            data,
                            kimg,
                            batch_size,
                            snapshot_kimg,
                            mirror,
                            augmentation,
                            Precision.parse(precision),
                            arch,
                            schedule);
            TrainingLoop.Result result =
                    TrainingTask.run(
                            data,
                            out,
                            options,
                            resumeFrom,
                            listener(out, () -> isCanceled() || shutdown.requested()));
            message = TrainingTask.report(result);
            checkpoint = result.lastCheckpoint() == null ? null : result.lastCheckpoint().toFile();
            shutdown.reportIfStopping(message);
            if (log != null) {
                log.info(message);
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    /** Status, log and grid files; with a display also the live preview and the loss plot. */
    private TrainingListener listener(Path out, BooleanSupplier canceled) {
        TrainingListener status = new TrainingStatus(this.status, log, canceled);
        if (!canShowWindows()) {
            return status;
        }
        String run = out.getFileName().toString();
        return TrainingListener.all(
                status,
                new TrainingPreview("Training preview: " + run, true, TrainingPreview.BUDGET_BYTES),
                new LossPlot("Training losses: " + run, true));
    }
}
