package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.project.DistanceKind;
import sc.fiji.stylegan2.model.project.ProjectionOptions;
import sc.fiji.stylegan2.model.project.ProjectionSpace;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TargetImages;
import sc.fiji.stylegan2.plugin.image.TargetObjects;
import sc.fiji.stylegan2.plugin.image.TargetSampling;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ProjectionTask;
import sc.fiji.stylegan2.plugin.training.RoiSets;

/**
 * Projects an image into the latent space of a StyleGAN2 model (Karras et al. 2020, Sec. 5 and
 * appendix D): finds the w (space W) or per-layer ws (W+) and the noise maps that reproduce it.
 * Targets are centre-cropped, resized to the model resolution and normalised with the model's
 * stored intensity mapping (per channel, as its training data was); a large target is projected as
 * its tiles ({@code sampling=tiles}, {@code scale}) or refused ({@link TargetSampling}); a stack
 * projects slice by slice, {@code batch_size} at a time.
 *
 * <p>Outputs: {@code reconstruction} (a {@link LabeledFloatImg} in the model's units, one image per
 * target), {@code optimisation} (per target the images every {@code save_every} steps), {@code
 * summary}; the latents go to {@code latent_file} (NumPy {@code .npz} with key {@code w}, the
 * official projector's format, plus a {@code .csv}). Cancel keeps the best latents so far.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Project Image",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Project Image",
        description =
                "Finds the latent (W or W+) and noise maps that reproduce an image (StyleGAN2 projection).",
        headless = true)
public class ProjectImageCommand extends ConditionCommand {

    @Parameter(
            label = "Target image file",
            required = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    "The image to project (TIFF, PNG, ...; a stack projects slice by slice). In Fiji the"
                            + " open image (target_image) is used when this is empty.")
    private File target;

    @Parameter(
            label = "Target image",
            required = false,
            description =
                    "In Fiji: the open image to project (not available on the command line; use target).")
    private Img<? extends RealType<?>> target_image;

    @Parameter(
            label = "Latent space",
            choices = {"W", "W+"},
            description =
                    "W: one w for all layers (the paper's); W+: one w per layer (reconstructs more).")
    private String space = "W";

    @Parameter(label = "Steps", min = "1", description = "Optimisation steps (the paper: 1000).")
    private int num_steps = 1000;

    @Parameter(
            label = "Latent file",
            required = false,
            style = FileWidget.SAVE_STYLE,
            description =
                    "Where the latents go: a NumPy .npz (key w, as the official projector) and a .csv beside it;"
                            + " empty: not saved.")
    private File latent_file;

    @Parameter(
            label = "Distance",
            choices = {"discriminator+mse", "mse", "lpips"},
            description =
                    "What is minimised: the model's discriminator features plus pixel MSE (offline), pixel MSE,"
                            + " or LPIPS from a TorchScript feature_network.")
    private String distance = "discriminator+mse";

    @Parameter(
            label = "Feature network (lpips)",
            required = false,
            style = FileWidget.OPEN_STYLE,
            description =
                    "TorchScript module for distance lpips: forward(images [N,3,H,W] in 0..255) -> features.")
    private File feature_network;

    @Parameter(
            label = "Save every",
            min = "0",
            description =
                    "Keep the current image every this many steps in the optimisation stack; 0: none.")
    private int save_every = 100;

    @Parameter(label = "Batch size", min = "1", description = "Stack slices projected at once.")
    private int batch_size = 4;

    @Parameter(
            label = "Seed",
            description = "Seeds the w noise of the optimisation (reproducible runs).")
    private long seed = 0;

    @Parameter(
            label = "Sampling",
            choices = {"auto", "whole", "tiles", "objects"},
            description =
                    "How a target becomes model images: whole = centre-cropped and resized;"
                            + " tiles = its grid of tiles of resolution x scale px, each projected (labels '<target> tile"
                            + " x=..,y=..'); objects = one crop of resolution x scale px centred on each object of labels"
                            + " or rois; auto = whole, but targets over 4 x the model resolution are refused.")
    private String sampling = "auto";

    @Parameter(
            label = "Labels",
            required = false,
            description =
                    "For sampling=objects: a label image or mask file of the target's size (one"
                            + " crop per label's centroid).")
    private String labels = "";

    @Parameter(
            label = "ROIs",
            required = false,
            description =
                    "For sampling=objects: a RoiSet.zip or .roi file, or ROI Manager (inside"
                            + " ImageJ); one crop centred on each ROI.")
    private String rois = "";

    @Parameter(
            label = "Scale",
            min = "0",
            stepSize = "0.5",
            description =
                    "For tiles: target pixels per model pixel (as training's scale: 2 = tiles of"
                            + " 2 x resolution px, halved).")
    private double scale = 1;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Reconstruction",
            description =
                    "A LabeledFloatImg: the image of the projected latents, per target, in the model's units.")
    private Img<FloatType> reconstruction;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Optimisation",
            description =
                    "A LabeledFloatImg: per target, the image every save_every steps (labels '<target> step=k').")
    private Img<FloatType> optimisation;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Override
    public void run() {
        try (Autocast mixed = requestPrecision()) {
            ProjectionOptions options =
                    ProjectionOptions.builder()
                            .optSpace(ProjectionSpace.parse(space))
                            .optNumSteps(num_steps)
                            .optDistance(DistanceKind.parse(distance))
                            .optFeatureNetwork(
                                    feature_network == null ? null : feature_network.toPath())
                            .optSaveEvery(save_every)
                            .optSeed(seed)
                            .build();
            DeviceChoice.require("device", device);
            TargetSampling cut = TargetSampling.parse(sampling, scale, objects());
            ProjectionTask.Outcome outcome =
                    ProjectionTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            this::targets,
                            cut,
                            options,
                            condition,
                            batch_size,
                            LatentFiles.forWriting(latent_file),
                            new StatusProgress(status, this));
            if (outcome != null) {
                reconstruction = outcome.reconstruction();
                optimisation = outcome.optimisation();
                summary = outcome.summary();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    /** Where the objects of {@code sampling=objects} are: null when neither key is set. */
    private TargetSampling.ObjectLocator objects() {
        boolean byLabels = labels != null && !labels.isBlank();
        boolean byRois = rois != null && !rois.isBlank();
        if (byLabels && byRois) {
            throw new IllegalArgumentException(
                    "labels and rois are both set: give the objects as a label image (labels) or"
                            + " as ROIs (rois), not both");
        }
        if (byRois) {
            return TargetObjects.fromRois(RoiSets.read(rois));
        }
        if (!byLabels) {
            return null;
        }
        Path path = Path.of(labels.trim());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(
                    "labels '"
                            + labels.trim()
                            + "' does not exist: give a label image or mask (TIFF,"
                            + " PNG) of the target's size");
        }
        return TargetObjects.fromLabels(path);
    }

    /** The file when given, else the open image. */
    private TargetImages.Targets targets(int modelChannels) {
        if ((target == null || target.getPath().isBlank()) && target_image != null) {
            return new TargetImages.Targets(
                    TargetImages.fromImg("target_image", target_image, modelChannels),
                    TargetImages.calibration(target_image));
        }
        return TargetImages.read("target", target);
    }
}
