package sc.fiji.stylegan2.plugin.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import sc.fiji.stylegan2.model.direction.DirectionMethod;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentSets;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.FindDirectionsTask;

/**
 * Finds directions in W and saves them for Apply Direction: closed-form factorisation of the style
 * affines (SeFa, Shen and Zhou 2021), principal components of sampled w (GANSpace, Härkönen et al.
 * 2020), the difference of two class means (conditional models, or two sets of latents), or the
 * normal of a linear SVM between two sets of latents (InterFaceGAN, Shen et al. 2020). See {@link
 * sc.fiji.stylegan2.model.direction.DirectionFinder}.
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Find Directions",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Find Directions",
        description =
                "Finds directions in W (SeFa, PCA, class means, SVM boundary) and saves them as .npz.",
        headless = true)
public class FindDirectionsCommand extends NetworkCommand {

    @Parameter(
            label = "Method",
            description =
                    "sefa = eigenvectors of A^T A for the style affines of the layers;"
                            + " pca = principal components of sampled w; class_mean = mean w of"
                            + " to_condition minus from_condition (or positive minus negative"
                            + " latents); svm = normal of a linear SVM between the two sets of"
                            + " latents.",
            choices = {"sefa", "pca", "class_mean", "svm"})
    private String method = "sefa";

    @Parameter(
            label = "Layers",
            description =
                    "The ws indices: all, "
                            + Descriptions.STYLE_GROUPS
                            + ", joined with +, or indices like 0-3. sefa factorises their"
                            + " affines; the sets' latents are averaged over them; stored with the"
                            + " directions for Apply Direction.")
    private String layers = "all";

    @Parameter(
            label = "Number of directions",
            description = "sefa and pca: how many directions, best first (class_mean and svm: 1).",
            min = "1")
    private int num_directions = 5;

    @Parameter(
            label = "Samples",
            description =
                    "pca: the w sampled (seeds 0..N-1); class_mean of a conditional model: the"
                            + " z per class mean.",
            min = "2")
    private int samples = 5000;

    @Parameter(
            label = "From condition",
            required = false,
            persist = false,
            description = "class_mean of a conditional model: the class the direction leaves.")
    private String from_condition = "";

    @Parameter(
            label = "To condition",
            required = false,
            persist = false,
            description = "class_mean of a conditional model: the class the direction points to.")
    private String to_condition = "";

    @Parameter(
            label = "Negative latents",
            required = false,
            persist = false,
            description =
                    "svm, class_mean: latent files or folders (of .npz/.csv), separated by"
                            + " commas; the direction points away from them.")
    private String negative_latents = "";

    @Parameter(
            label = "Positive latents",
            required = false,
            persist = false,
            description =
                    "svm, class_mean: latent files or folders; the direction points towards them.")
    private String positive_latents = "";

    @Parameter(
            label = "Output file",
            style = FileWidget.SAVE_STYLE,
            description =
                    "The .npz to write (appended when missing): directions [k, w_dim] (unit),"
                            + " score [k], layers, method.")
    private File output_file;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Directions",
            description = "What was found: method, layers, score meaning, then index and score.")
    private String directions;

    @Override
    public void run() {
        try {
            FindDirectionsTask.Request req =
                    new FindDirectionsTask.Request(
                            DirectionMethod.parse("method", method),
                            layers,
                            InputChecks.atLeast("num_directions", num_directions, 1, ""),
                            InputChecks.atLeast("samples", samples, 2, ""),
                            from_condition,
                            to_condition,
                            LatentSets.parse("negative_latents", negative_latents),
                            LatentSets.parse("positive_latents", positive_latents),
                            output());
            DeviceChoice.require("device", device);
            directions =
                    FindDirectionsTask.run(
                            ModelFiles.requireReadable("model_file", model_file), req);
            report(status, directions.lines().findFirst().orElse(""));
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }

    private Path output() {
        if (output_file == null || output_file.getPath().isBlank()) {
            throw new IllegalArgumentException(
                    "output_file is not set: give the .npz file to write the directions to");
        }
        Path path = output_file.toPath().toAbsolutePath();
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npz")) {
            path = path.resolveSibling(path.getFileName() + ".npz");
        }
        ModelFiles.requireWritableFile("output_file", path);
        return path;
    }
}
