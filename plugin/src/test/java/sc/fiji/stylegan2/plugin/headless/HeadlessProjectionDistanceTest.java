package sc.fiji.stylegan2.plugin.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.plugin.task.BundledModel;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.Launcher;
import sc.fiji.stylegan2.training.data.FashionMnist;

/**
 * Evaluate Model's projection_distance through the launcher: the rows and the histogram table
 * print, and --save writes the histogram plot.
 */
class HeadlessProjectionDistanceTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    @Test
    void projectionDistancePrintsBothTablesAndSavesThePlot() throws Exception {
        Path images = tmp.resolve("fashion.tif");
        FashionMnist fashion = FashionMnist.embedded();
        ImageStack stack = new ImageStack(fashion.cols(), fashion.rows());
        for (int i = 0; i < 4; i++) {
            float[] p = fashion.pixels(i);
            byte[] b = new byte[p.length];
            for (int k = 0; k < p.length; k++) {
                b[k] = (byte) Math.round(p[k]);
            }
            stack.addSlice("" + i, new ByteProcessor(fashion.cols(), fashion.rows(), b));
        }
        assertTrue(
                new FileSaver(new ImagePlus("fashion", stack)).saveAsTiffStack(images.toString()));
        Path plot = tmp.resolve("plot.tif");
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Evaluate Model",
                        "model_file='"
                                + BundledModel.extract()
                                + "',images='"
                                + images
                                + "',metrics=projection_distance,num_samples=2,projection_steps=2",
                        "--save",
                        plot.toString());
        assertEquals(Headless.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().contains("projection_distance_real_median"), r.out());
        assertTrue(r.out().contains("# Projection distance histogram"), r.out());
        ImagePlus saved = IJ.openImage(plot.toString());
        assertEquals(3, saved.getNChannels());
    }
}
