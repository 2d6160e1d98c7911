package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.MixingGrid;
import sc.fiji.stylegan2.model.explore.StyleMixing;
import sc.fiji.stylegan2.model.explore.StyleSelection;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.input.LatentFiles;

/**
 * The work behind Style Mixing (StyleGAN paper, Sec. 3.1, Fig. 3; official {@code
 * style_mixing.py}): the ws of the rows and columns (seeds mapped with truncation, or latent
 * files), the {@code col_styles} ws of every column in every row, the row, column and mixed images
 * synthesised in one batched pass, and the grid. With noise mode const, stored noise maps are used
 * and a cell keeps its row's.
 */
public final class StyleMixingTask {

    /**
     * The grid (one image) and the mixed cells (row-major, labelled {@code row seed=R, col
     * seed=C}).
     */
    public record Result(LabeledFloatImg grid, LabeledFloatImg cells, String summary) {}

    /** What to mix; validated by {@link #run}. */
    public record Request(
            LatentSource rows,
            LatentSource cols,
            String colStyles,
            double psi,
            NoiseMode noiseMode,
            OutputRange range,
            int batchSize,
            String condition) {}

    private StyleMixingTask() {}

    /**
     * @return the grid and cells, or null when canceled before every image was made
     * @throws IllegalArgumentException naming the first invalid parameter (col_styles and the
     *     latent files need the model)
     */
    public static Result run(Path modelFile, Request req, ProgressListener progress)
            throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            int[] styles = StyleSelection.parse("col_styles", req.colStyles(), model.config());
            ImageGenerator gen = model.imageGenerator();
            Integer k = model.classes().parse(req.condition());
            // The class goes to the seeds; with latent files on both sides it is an error.
            boolean noSeeds =
                    !(req.rows() instanceof LatentSource.Seeds)
                            && !(req.cols() instanceof LatentSource.Seeds);
            LabeledLatents rows = ModelTasks.resolve(req.rows(), gen, req.psi(), k, noSeeds);
            LabeledLatents cols = ModelTasks.resolve(req.cols(), gen, req.psi(), k, noSeeds);
            Latents cellWs = StyleMixing.mix(rows.latents(), cols.latents(), styles);
            LabeledLatents cells =
                    new LabeledLatents(cellWs, cellLabels(rows.labels(), cols.labels()));
            LabeledLatents all = LabeledLatents.join(List.of(rows, cols, cells), gen);
            GeneratedImages images =
                    gen.synthesize(
                            all.latents(),
                            all.labels(),
                            SynthesisOptions.of(req.noiseMode()),
                            req.range(),
                            req.batchSize(),
                            progress);
            if (images.count() < all.count()) {
                return null;
            }
            int r = rows.count(), c = cols.count();
            GeneratedImages cellImages = slice(images, r + c, r * c);
            float black = req.range() == OutputRange.MODEL ? (float) model.intensity().low() : -1f;
            String summary =
                    "rows "
                            + LatentFiles.describe(req.rows())
                            + " x cols "
                            + LatentFiles.describe(req.cols())
                            + ", col_styles "
                            + StyleSelection.format(styles);
            GeneratedImages grid =
                    MixingGrid.compose(
                            slice(images, 0, r),
                            slice(images, r, c),
                            cellImages,
                            black,
                            "style mixing " + summary);
            return new Result(
                    ModelTasks.wrap(grid, model), ModelTasks.wrap(cellImages, model), summary);
        }
    }

    /** {@code row seed=0, col seed=2}, {@code row cell_w.npz[0], col seed=2}, row by row. */
    private static List<String> cellLabels(List<String> rows, List<String> cols) {
        List<String> labels = new ArrayList<>();
        for (String r : rows) {
            for (String c : cols) {
                labels.add("row " + r + ", col " + c);
            }
        }
        return labels;
    }

    /** Images {@code first .. first+count-1} of a batch. */
    static GeneratedImages slice(GeneratedImages all, int first, int count) {
        int per = all.channels() * all.height() * all.width();
        float[] data = java.util.Arrays.copyOfRange(all.data(), first * per, (first + count) * per);
        return new GeneratedImages(
                data,
                count,
                all.channels(),
                all.height(),
                all.width(),
                all.labels().subList(first, first + count));
    }
}
