package sc.fiji.stylegan2.plugin.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.Launcher;

/**
 * The launcher end to end: generate with the fixture model, save a TIFF, read it back with ImageJ
 * (pixels, labels, hyperstack layout, pixel size).
 */
class HeadlessGenerateTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    @Test
    void generateSavesAFloatTiffWithOneLabeledSlicePerSeed() throws Exception {
        Path out = tmp.resolve("out.tif");
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Generate Images",
                        "model_file='"
                                + Fixtures.gray64Pickle()
                                + "',seeds='0-3',output_range=raw,batch_size=2",
                        "--save",
                        out.toString());
        assertEquals(Headless.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("stylegan2: device: CPU"), r.err());
        assertTrue(r.err().contains("saved 4 image(s), 64x64"), r.err());

        ImagePlus imp = IJ.openImage(out.toString());
        assertEquals(32, imp.getBitDepth());
        assertEquals(4, imp.getStackSize());
        for (int s = 0; s < 4; s++) {
            assertEquals("seed=" + s, imp.getStack().getSliceLabel(s + 1));
            assertImagesClose(
                    Fixtures.gray64Image(s, "1p00"),
                    (float[]) imp.getStack().getPixels(s + 1),
                    Images.OFFICIAL,
                    "slice " + (s + 1) + " against the official seed " + s);
        }
    }

    @Test
    void rgbModelSavesAChannelsByFramesHyperstack() throws Exception {
        Path out = tmp.resolve("rgb.tif");
        Path model = Fixtures.dir().resolve("res32-rgb/G_ema.pt");
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Generate Images",
                        "model_file='" + model + "',seeds='2,3',output_range=raw",
                        "--save",
                        out.toString());
        assertEquals(Headless.EXIT_OK, r.code(), r.err());

        ImagePlus imp = IJ.openImage(out.toString());
        assertEquals(32, imp.getBitDepth());
        assertEquals(3, imp.getNChannels());
        assertEquals(2, imp.getNFrames());
        for (int n = 0; n < 2; n++) {
            float[] expected =
                    Fixtures.readFloats(
                            Fixtures.dir()
                                    .resolve(
                                            "res32-rgb/img_seed"
                                                    + (n + 2)
                                                    + "_psi1p00.bin")); // [1, 3, 32, 32]
            for (int c = 0; c < 3; c++) {
                int slice = n * 3 + c + 1; // channel-fastest
                assertEquals("seed=" + (n + 2), imp.getStack().getSliceLabel(slice));
                assertImagesClose(
                        Arrays.copyOfRange(expected, c * 32 * 32, (c + 1) * 32 * 32),
                        (float[]) imp.getStack().getPixels(slice),
                        Images.OFFICIAL,
                        "seed " + (n + 2) + " channel " + c + " against the official image");
            }
        }
    }

    @Test
    void savedTiffKeepsTheModelsPixelSize() throws Exception {
        Path model = Fixtures.calibratedRgb32(tmp, new Calibration(0.5, 0.25, "micron"));
        Path out = tmp.resolve("frames.tif");
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Interpolate Latents",
                        "model_file='" + model + "',seeds='0,1',frames=1",
                        "--save",
                        out.toString());
        assertEquals(Headless.EXIT_OK, r.code(), r.err());

        ij.measure.Calibration cal = IJ.openImage(out.toString()).getCalibration();
        assertEquals(0.5, cal.pixelWidth, 1e-12);
        assertEquals(0.25, cal.pixelHeight, 1e-12);
        assertEquals("micron", cal.getUnit());
    }

    @Test
    void modelInfoPrintsTheDescriptionToStdout() {
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Model Info",
                        "model_file='" + Fixtures.gray64Pickle() + "'");
        assertEquals(Headless.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().contains("64"), r.out());
    }
}
