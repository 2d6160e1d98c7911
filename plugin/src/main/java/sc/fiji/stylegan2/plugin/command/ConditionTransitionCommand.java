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
import sc.fiji.stylegan2.model.explore.TransitionMethod;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.ConditionTransitionTask;

/**
 * Condition transition of a conditional model (Phenexplain, Lamiable et al., Nature Communications
 * 2023): the same cell rendered from condition a to condition b, by lerp in W between the two
 * classes' w of one z, by interpolating the class embedding, or by adding the difference of the two
 * classes' mean w (which also moves projected real images). See {@link
 * sc.fiji.stylegan2.model.explore.ConditionTransition}.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Condition Transition",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Condition Transition",
        description =
                "Renders the same seeds (or projected cells) from one condition to another"
                        + " (conditional models).",
        headless = true)
public class ConditionTransitionCommand extends GeneratorCommand {

    @Parameter(label = "Seeds", description = "The seeds to render (e.g. 0-3 or 5,1,9).")
    private String seeds = "0-3";

    @Parameter(
            label = "Latent files",
            required = false,
            persist = false,
            description =
                    "Instead of seeds (method class_mean only): latent files separated by commas, "
                            + Descriptions.LATENT_FORMAT
                            + ", e.g. projections of real images. When given, seeds is not used.")
    private String latent_files = "";

    @Parameter(
            label = "From condition",
            description = "Class a (t = 0): a class index, or a class name the model stores.")
    private String from_condition = "0";

    @Parameter(
            label = "To condition",
            description = "Class b (t = 1): a class index, or a class name the model stores.")
    private String to_condition = "1";

    @Parameter(
            label = "Method",
            description =
                    "w_lerp = lerp in W from mapping(z, a) to mapping(z, b);"
                            + " embedding = interpolate the class embedding before the mapping;"
                            + " class_mean = add t (mean w of b - mean w of a), also to latent files.",
            choices = {"w_lerp", "embedding", "class_mean"})
    private String method = "w_lerp";

    @Parameter(
            label = "Frames",
            description = "Images per seed from t = 0 to t = 1 (2 or more).",
            min = "2")
    private int frames = 8;

    @Parameter(
            label = "Class samples",
            description =
                    "class_mean: the z (seeds 0..N-1, the same for both classes) each class mean"
                            + " is taken over.",
            min = "1")
    private int class_samples = 1000;

    @Parameter(
            label = "AVI file",
            required = false,
            persist = false,
            style = FileWidget.SAVE_STYLE,
            description =
                    "Optional: also write the frames as an uncompressed AVI (7 fps; 8-bit grey or"
                            + " RGB, every frame scaled alike: the model's range, or -1..1 raw).")
    private File avi_file;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Transition",
            description =
                    Descriptions.IMAGES
                            + " The frames of each seed in order, labelled seed=S class=A>B"
                            + " t=0.250 (a latent file: name[i] class=A>B t=...); one intensity"
                            + " mapping for all frames.")
    private Img<FloatType> images;

    @Override
    public void run() {
        try {
            if (condition != null && !condition.isBlank()) {
                // inherited from the generating commands' base; a transition has two classes
                throw new IllegalArgumentException(
                        "condition '"
                                + condition
                                + "' is not used by Condition Transition: give from_condition and"
                                + " to_condition");
            }
            TransitionMethod m = TransitionMethod.parse("method", method);
            ConditionTransitionTask.Request req =
                    new ConditionTransitionTask.Request(
                            LatentFiles.orSeeds(
                                    "latent_files",
                                    latent_files,
                                    () -> InputChecks.seedSource("seeds", seeds, 1)),
                            from_condition,
                            to_condition,
                            m,
                            InputChecks.atLeast("frames", frames, 2, " (t = 0 and t = 1)"),
                            InputChecks.atLeast(
                                    "class_samples", class_samples, 1, " (z per class mean)"),
                            InputChecks.psi(truncation_psi),
                            NoiseMode.parse(noise_mode),
                            OutputRange.parse(output_range),
                            InputChecks.batchSize(batch_size),
                            avi());
            String on = DeviceChoice.require("device", device);
            images =
                    ConditionTransitionTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            req,
                            new StatusProgress(status, this));
            if (images != null) {
                report(
                        status,
                        "Condition transition "
                                + from_condition
                                + " > "
                                + to_condition
                                + " by "
                                + m.key()
                                + ", "
                                + frames
                                + " frames each, on "
                                + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    private Path avi() {
        if (avi_file == null || avi_file.getPath().isBlank()) {
            return null;
        }
        Path path = avi_file.toPath().toAbsolutePath();
        ModelFiles.requireWritableFile("avi_file", path);
        return path;
    }
}
