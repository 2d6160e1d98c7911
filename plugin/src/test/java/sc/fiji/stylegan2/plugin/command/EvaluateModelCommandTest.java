package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.task.BundledModel;
import sc.fiji.stylegan2.plugin.task.EvaluationTask;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.training.data.FashionMnist;

/** Evaluate Model through a SciJava context, on the bundled Fashion-MNIST model. */
class EvaluateModelCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir static Path dir;
    private static File model;
    private static File images;

    @BeforeAll
    static void files() throws IOException {
        model = BundledModel.extract().toFile();
        images = dir.resolve("fashion-200.tif").toFile();
        FashionMnist subset = FashionMnist.embedded();
        ImageStack stack = new ImageStack(subset.cols(), subset.rows());
        for (int i = 0; i < 200; i++) {
            float[] p = subset.pixels(i);
            byte[] b = new byte[p.length];
            for (int k = 0; k < p.length; k++) {
                b[k] = (byte) Math.round(p[k]);
            }
            stack.addSlice("" + i, new ByteProcessor(subset.cols(), subset.rows(), b));
        }
        assertTrue(
                new FileSaver(new ImagePlus("fashion", stack)).saveAsTiffStack(images.getPath()));
    }

    private static ResultsTable evaluate(Object... keyValues) throws Exception {
        Object[] kv = new Object[keyValues.length + 2];
        kv[0] = "model_file";
        kv[1] = model;
        System.arraycopy(keyValues, 0, kv, 2, keyValues.length);
        CommandModule m = Commands.run(scijava.context(), EvaluateModelCommand.class, kv);
        ResultsTable t = Commands.output(m, "results", ResultsTable.class);
        assertNotNull(t, () -> "canceled: " + Commands.cancelReason(m));
        return t;
    }

    @Test
    void pathLengthsComeOneRowPerMetricInTheListedOrder() throws Exception {
        ResultsTable t =
                evaluate("metrics", "ppl_wend, PPL_ZFULL", "num_samples", 8, "batch_size", 4);
        assertEquals(2, t.size());
        assertEquals("ppl_zfull", t.getStringValue(EvaluationTask.METRIC, 0));
        assertEquals("ppl_wend", t.getStringValue(EvaluationTask.METRIC, 1));
        for (int row = 0; row < 2; row++) {
            assertEquals(8, t.getValue(EvaluationTask.SAMPLES, row));
            assertTrue(t.getValue(EvaluationTask.VALUE, row) > 0);
        }
    }

    /** 8-bit images under the default keys map as the model's training data did: no note. */
    @Test
    void fdAndKidCompareWithImagesPreparedAsTheTrainingData() throws Exception {
        ResultsTable t = evaluate("images", images, "metrics", "kid,fd", "num_samples", 64);
        assertEquals("fd", t.getStringValue(EvaluationTask.METRIC, 0));
        assertEquals("kid", t.getStringValue(EvaluationTask.METRIC, 1));
        assertEquals(64, t.getValue(EvaluationTask.REAL, 0));
        assertTrue(t.getValue(EvaluationTask.VALUE, 0) > 0);
        assertEquals("", t.getStringValue(EvaluationTask.NOTE, 0));
    }

    /** The conditional fixture (4 classes): two rows, W no worse than the chance reference Z. */
    @Test
    void linearSeparabilityOfAConditionalModelGivesAZAndAWRow() throws Exception {
        CommandModule m =
                Commands.run(
                        scijava.context(),
                        EvaluateModelCommand.class,
                        "model_file",
                        Fixtures.cond4("network-snapshot-000000.pkl").toFile(),
                        "metrics",
                        "linear_separability",
                        "num_samples",
                        200);
        ResultsTable t = Commands.output(m, "results", ResultsTable.class);
        assertNotNull(t, () -> "canceled: " + Commands.cancelReason(m));
        assertEquals("linear_separability_z", t.getStringValue(EvaluationTask.METRIC, 0));
        assertEquals("linear_separability_w", t.getStringValue(EvaluationTask.METRIC, 1));
        double z = t.getValue(EvaluationTask.VALUE, 0), w = t.getValue(EvaluationTask.VALUE, 1);
        assertTrue(w >= 1 && w <= z, "w " + w + ", z " + z);
    }

    @Test
    void toRgbContributionGivesEveryResolutionAShareAndTheSharesSumToOne() throws Exception {
        ResultsTable t = evaluate("metrics", "torgb_contribution", "num_samples", 16);
        assertEquals(4, t.size()); // b4, b8, b16, b32
        double total = 0;
        for (int row = 0; row < 4; row++) {
            assertEquals("torgb_b" + (4 << row), t.getStringValue(EvaluationTask.METRIC, row));
            total += t.getValue(EvaluationTask.VALUE, row);
        }
        assertEquals(1, total, 1e-9);
    }

    /**
     * Four generated and four real images, a few projection steps: the six summary rows, finite
     * distances, every image in one bin of the histogram, and its plot as an RGB image.
     */
    @Test
    void projectionDistanceGivesSummaryRowsAHistogramOfBothSetsAndItsPlot() throws Exception {
        CommandModule m =
                Commands.run(
                        scijava.context(),
                        EvaluateModelCommand.class,
                        "model_file",
                        model,
                        "images",
                        images,
                        "metrics",
                        "projection_distance",
                        "num_samples",
                        4,
                        "projection_steps",
                        5);
        ResultsTable t = Commands.output(m, "results", ResultsTable.class);
        assertNotNull(t, () -> "canceled: " + Commands.cancelReason(m));
        String[] rows = {
            "generated_median",
            "generated_mean",
            "real_median",
            "real_mean",
            "real_beyond_generated_max",
            "real_beyond_generated_p95"
        };
        assertEquals(rows.length, t.size());
        for (int row = 0; row < rows.length; row++) {
            assertEquals(
                    "projection_distance_" + rows[row],
                    t.getStringValue(EvaluationTask.METRIC, row));
            assertEquals(4, t.getValue(EvaluationTask.SAMPLES, row));
            assertTrue(Double.isFinite(t.getValue(EvaluationTask.VALUE, row)));
        }
        assertTrue(t.getValue(EvaluationTask.VALUE, 0) >= 0);
        ResultsTable h = Commands.output(m, "histogram", ResultsTable.class);
        double generated = 0, real = 0;
        for (int bin = 0; bin < h.size(); bin++) {
            generated += h.getValue("generated", bin);
            real += h.getValue("real", bin);
        }
        assertEquals(4, generated);
        assertEquals(4, real);
        LabeledFloatImg plot = Commands.output(m, "histogram_plot", LabeledFloatImg.class);
        assertEquals(3, plot.channels());
    }

    /**
     * StyleGAN2 Sec. 5: an image the model generated projects back almost exactly, one far from
     * anything it makes does not. The bundled Fashion-MNIST model, 3 images of each, 30 steps; the
     * real images are checkerboards of 2 px squares, which no garment resembles: every one of them
     * lies farther from its projection than every generated image (measured here: generated median
     * 8.3, real median 105 on the built-in features, so the margin is wide).
     */
    @Test
    void generatedImagesProjectCloserThanImagesUnlikeAnyTheModelMakes() throws Exception {
        File boards = dir.resolve("checkerboards.tif").toFile();
        ImageStack stack = new ImageStack(28, 28);
        for (int i = 0; i < 4; i++) {
            byte[] b = new byte[28 * 28];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) ((k % 28 / 2 + k / 28 / 2 + i) % 2 == 0 ? 255 : 0);
            }
            stack.addSlice("" + i, new ByteProcessor(28, 28, b));
        }
        assertTrue(new FileSaver(new ImagePlus("boards", stack)).saveAsTiffStack(boards.getPath()));
        ResultsTable t =
                evaluate(
                        "images",
                        boards,
                        "metrics",
                        "projection_distance",
                        "num_samples",
                        3,
                        "projection_steps",
                        30);
        assertEquals(
                "projection_distance_real_beyond_generated_max",
                t.getStringValue(EvaluationTask.METRIC, 4));
        assertEquals(1, t.getValue(EvaluationTask.VALUE, 4));
    }

    @Test
    void fdWithoutImagesIsRefusedNamingImages() throws Exception {
        CommandModule m =
                Commands.run(
                        scijava.context(),
                        EvaluateModelCommand.class,
                        "model_file",
                        model,
                        "metrics",
                        "fd");
        assertTrue(
                Commands.cancelReason(m).startsWith("images is not set"), Commands.cancelReason(m));
    }
}
