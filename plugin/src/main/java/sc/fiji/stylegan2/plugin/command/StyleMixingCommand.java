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
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.plugin.host.StatusProgress;
import sc.fiji.stylegan2.plugin.input.DeviceChoice;
import sc.fiji.stylegan2.plugin.input.InputChecks;
import sc.fiji.stylegan2.plugin.input.LatentFiles;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.task.StyleMixingTask;

/**
 * Style mixing (StyleGAN paper, Karras et al. 2019, Sec. 3.1, Fig. 3; official {@code
 * style_mixing.py}): every row seed's image with the {@code col_styles} of every column seed.
 * Outputs the grid as one image (column seeds on top, row seeds on the left, the top-left corner
 * black) and the stack of mixed cells. Rows and columns may instead come from latent files ({@code
 * row_latents}, {@code col_latents}), e.g. projections of real images (see {@link
 * ProjectImageCommand}).
 */
@Plugin(
        type = Command.class,
        menuPath = "Plugins>StyleGAN2>Style Mixing",
        attrs = @Attr(name = StyleGAN2Command.NO_LEGACY),
        label = "Style Mixing",
        description =
                "Mixes the styles of column seeds into row seeds and shows the grid (StyleGAN Fig. 3).",
        headless = true)
public class StyleMixingCommand extends GeneratorCommand {

    @Parameter(
            label = "Row seeds",
            description = "Seeds of the rows, whose styles are kept (e.g. 0-3 or 1,5,9).")
    private String row_seeds = "0-3";

    @Parameter(
            label = "Row latents",
            required = false,
            persist = false,
            description =
                    "Instead of row_seeds:"
                            + " latent files separated by commas, "
                            + Descriptions.LATENT_FORMAT
                            + ". When given, row_seeds is not"
                            + " used. Each latent is a row; with noise_mode const stored noise maps are used (a cell keeps its row's).")
    private String row_latents = "";

    @Parameter(
            label = "Column seeds",
            description = "Seeds of the columns, whose col_styles replace the rows'.")
    private String col_seeds = "4-7";

    @Parameter(
            label = "Column latents",
            required = false,
            persist = false,
            description =
                    "Instead of col_seeds:"
                            + " latent files separated by commas, "
                            + Descriptions.LATENT_FORMAT
                            + ". When given, col_seeds is not"
                            + " used. Each latent is a column.")
    private String col_latents = "";

    @Parameter(
            label = "Column styles",
            description =
                    "Which styles come from the columns: "
                            + Descriptions.STYLE_GROUPS
                            + ", joined with + or ws indices like 0-6 (official).")
    private String col_styles = "coarse";

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Style mixing grid",
            description =
                    "One image: column seeds on top, row seeds on the left, mixed cells in between.")
    private Img<FloatType> grid;

    @Parameter(
            type = ItemIO.OUTPUT,
            label = "Style mixing cells",
            description = "The mixed images, row by row, labelled 'row seed=R, col seed=C'.")
    private Img<FloatType> cells;

    @Override
    public void run() {
        try (Autocast mixed = requestPrecision()) {
            StyleMixingTask.Request req =
                    new StyleMixingTask.Request(
                            LatentFiles.orSeeds(
                                    "row_latents",
                                    row_latents,
                                    () -> InputChecks.seedSource("row_seeds", row_seeds, 1)),
                            LatentFiles.orSeeds(
                                    "col_latents",
                                    col_latents,
                                    () -> InputChecks.seedSource("col_seeds", col_seeds, 1)),
                            col_styles,
                            InputChecks.psi(truncation_psi),
                            NoiseMode.parse(noise_mode),
                            OutputRange.parse(output_range),
                            InputChecks.batchSize(batch_size),
                            condition);
            String on = DeviceChoice.require("device", device);
            StyleMixingTask.Result r =
                    StyleMixingTask.run(
                            ModelFiles.requireReadable("model_file", model_file),
                            req,
                            new StatusProgress(status, this));
            if (r != null) {
                grid = r.grid();
                cells = r.cells();
                report(status, "Style mixing: " + r.summary() + ", on " + on);
            } else {
                stopped();
            }
        } catch (IllegalArgumentException | IOException e) {
            fail(e.getMessage());
        }
    }
}
