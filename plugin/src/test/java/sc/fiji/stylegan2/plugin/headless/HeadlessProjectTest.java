package sc.fiji.stylegan2.plugin.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.Launcher;

/**
 * Project Image through the launcher: --save writes the reconstruction; the latent file feeds
 * Generate Images.
 */
class HeadlessProjectTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    @Test
    void projectImageSavesTheReconstructionAndGenerateImagesReadsTheLatentFile() throws Exception {
        Path model = Fixtures.gray64Pickle();
        Path target = tmp.resolve("seed1.tif");
        Launcher.Result g =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Generate Images",
                        "model_file='" + model + "',seeds='1'",
                        "--save",
                        target.toString());
        assertEquals(Headless.EXIT_OK, g.code(), g.err());

        Path rec = tmp.resolve("rec.tif");
        Path latent = tmp.resolve("seed1_w.npz");
        Launcher.Result p =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Project Image",
                        "model_file='"
                                + model
                                + "',target='"
                                + target
                                + "',space=W,num_steps=4,save_every=2,latent_file='"
                                + latent
                                + "'",
                        "--save",
                        rec.toString());
        assertEquals(Headless.EXIT_OK, p.code(), p.err());
        assertTrue(p.out().startsWith("Projected seed1.tif in W: 4/4 steps"), p.out());
        assertTrue(p.err().contains("output 'optimisation' was not saved"), p.err());
        assertTrue(Files.exists(latent) && Files.exists(tmp.resolve("seed1_w.csv")));
        ImagePlus reconstruction = IJ.openImage(rec.toString());
        assertEquals(64, reconstruction.getWidth());
        assertEquals(1, reconstruction.getStackSize());

        Path again = tmp.resolve("again.tif");
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Generate Images",
                        "model_file='" + model + "',latent_file='" + latent + "'",
                        "--save",
                        again.toString());
        assertEquals(Headless.EXIT_OK, r.code(), r.err());
        ImagePlus regenerated = IJ.openImage(again.toString());
        assertEquals("seed1_w.npz[0]", regenerated.getStack().getSliceLabel(1));
        // Exact: the reconstruction is synthesised from the latents written (float32, read back bit
        // for bit),
        // one image in a batch of one, as Generate Images does with a one-latent file; TIFF keeps
        // float32.
        float[] a = (float[]) reconstruction.getStack().getPixels(1);
        float[] b = (float[]) regenerated.getStack().getPixels(1);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0f, "pixel " + i);
        }
    }

    @Test
    void projectImageWithoutTargetIsAUsageErrorNamingTarget() {
        Launcher.Result r =
                Launcher.run(
                        scijava.context(),
                        "--run",
                        "Project Image",
                        "model_file='" + Fixtures.gray64Pickle() + "'");
        assertTrue(r.usageError().startsWith("stylegan2: target is not set"), r.err());
    }
}
