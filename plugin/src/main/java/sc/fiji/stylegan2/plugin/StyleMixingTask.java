package sc.fiji.stylegan2.plugin;

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
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/**
 * The work behind Style Mixing (StyleGAN paper, Sec. 3.1, Fig. 3; official {@code style_mixing.py}): maps
 * the row and column seeds (with truncation), takes the {@code col_styles} ws of every column seed into
 * every row seed, synthesises the row, column and mixed images in one batched pass, and lays out the grid.
 */
public final class StyleMixingTask {

    /** The grid (one image) and the mixed cells (row-major, labelled {@code row seed=R, col seed=C}). */
    public record Result(LabeledFloatImg grid, LabeledFloatImg cells, String summary) {}

    /** What to mix; validated by {@link #run}. */
    public record Request(long[] rowSeeds, long[] colSeeds, String colStyles, double psi, NoiseMode noiseMode,
            OutputRange range, int batchSize) {}

    private StyleMixingTask() {}

    /**
     * @return the grid and cells, or null when canceled before every image was made
     * @throws IllegalArgumentException naming the first invalid parameter (col_styles needs the model)
     */
    public static Result run(Path modelFile, Request req, ProgressListener progress) throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            GeneratorConfig cfg = model.config();
            int[] styles = StyleSelection.parse("col_styles", req.colStyles(), cfg);
            ImageGenerator gen = model.imageGenerator();
            float[] rowWs = gen.mapSeeds(req.rowSeeds(), req.psi(), null);
            float[] colWs = gen.mapSeeds(req.colSeeds(), req.psi(), null);
            float[] cellWs = StyleMixing.mix(rowWs, colWs, styles, cfg.numWs(), cfg.wDim());
            int rows = req.rowSeeds().length, cols = req.colSeeds().length;
            List<String> labels = labels(req.rowSeeds(), req.colSeeds());
            GeneratedImages all = gen.synthesize(concat(rowWs, colWs, cellWs), labels,
                    SynthesisOptions.of(req.noiseMode()), req.range(), req.batchSize(), progress);
            if (all.count() < labels.size()) {
                return null;
            }
            GeneratedImages rowImages = slice(all, 0, rows);
            GeneratedImages colImages = slice(all, rows, cols);
            GeneratedImages cells = slice(all, rows + cols, rows * cols);
            float black = req.range() == OutputRange.MODEL ? (float) (model.intensity().offset() - model.intensity().scale())
                    : -1f;
            String summary = "rows " + SeedText.of(req.rowSeeds()) + " x cols " + SeedText.of(req.colSeeds())
                    + ", col_styles " + StyleSelection.format(styles);
            GeneratedImages grid = MixingGrid.compose(rowImages, colImages, cells, black, "style mixing " + summary);
            return new Result(LabeledFloatImg.wrap(grid), LabeledFloatImg.wrap(cells), summary);
        }
    }

    private static List<String> labels(long[] rowSeeds, long[] colSeeds) {
        List<String> labels = new ArrayList<>();
        for (long r : rowSeeds) {
            labels.add("seed=" + r);
        }
        for (long c : colSeeds) {
            labels.add("seed=" + c);
        }
        for (long r : rowSeeds) {
            for (long c : colSeeds) {
                labels.add("row seed=" + r + ", col seed=" + c);
            }
        }
        return labels;
    }

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Images {@code first .. first+count-1} of a batch. */
    static GeneratedImages slice(GeneratedImages all, int first, int count) {
        int per = all.channels() * all.height() * all.width();
        float[] data = java.util.Arrays.copyOfRange(all.data(), first * per, (first + count) * per);
        return new GeneratedImages(data, count, all.channels(), all.height(), all.width(),
                all.labels().subList(first, first + count));
    }
}
