package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TargetImages;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.RoiZips;

/**
 * Project Image end to end on the 32 px RGB fixture (it has a discriminator): a real SciJava
 * context, a target TIFF made by Generate Images, a few steps, the latent file, and Generate Images
 * reading it back.
 */
class ProjectImageCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    @TempDir static Path dir;
    private static Path targetTif;
    private static CommandModule projection;

    static Path rgb32(String name) {
        return Fixtures.dir().resolve("res32-rgb").resolve(name);
    }

    @BeforeAll
    static void projectOnce() throws Exception {
        // The target: seed 5 of the model itself, saved as a 3-channel 32-bit TIFF in model units.
        LabeledFloatImg img =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                GenerateImagesCommand.class,
                                "model_file",
                                rgb32("network-snapshot-000000.pkl").toFile(),
                                "seeds",
                                "5",
                                "batch_size",
                                1),
                        "images",
                        LabeledFloatImg.class);
        targetTif = dir.resolve("target.tif");
        TiffStackWriter.save(ImageJ1Stacks.toImagePlus("target", img), targetTif);
        projection =
                project(
                        "target",
                        targetTif.toFile(),
                        "latent_file",
                        dir.resolve("projected_w").toFile());
    }

    /**
     * Project Image on the 32 px fixture: 20 steps in W+, snapshots every 5, with {@code
     * keyValues}.
     */
    private static CommandModule project(Object... keyValues) throws Exception {
        return Commands.run(
                scijava.context(),
                ProjectImageCommand.class,
                Map.of(
                        "model_file",
                        rgb32("network-snapshot-000000.pkl").toFile(),
                        "space",
                        "W+",
                        "num_steps",
                        20,
                        "save_every",
                        5),
                keyValues);
    }

    @Test
    void projectionOfAnImageFileGivesItsReconstructionSnapshotsAndSummary() {
        assertFalse(projection.isCanceled(), () -> "canceled: " + projection.getCancelReason());
        LabeledFloatImg rec =
                assertInstanceOf(LabeledFloatImg.class, projection.getOutput("reconstruction"));
        assertArrayEquals(new long[] {32, 32, 3, 1}, rec.dimensionsAsLongArray());
        assertEquals(List.of("target.tif"), rec.labels());
        LabeledFloatImg steps =
                assertInstanceOf(LabeledFloatImg.class, projection.getOutput("optimisation"));
        assertEquals(
                List.of(
                        "target.tif step=5",
                        "target.tif step=10",
                        "target.tif step=15",
                        "target.tif step=20"),
                steps.labels());
        String summary = (String) projection.getOutput("summary");
        assertTrue(summary.startsWith("Projected target.tif in W+: 20/20 steps"), summary);
        assertTrue(summary.contains("projected_w.npz"), summary);
    }

    @Test
    void latentFileIsTheOfficialNpzWithNoiseMapsAndACsvBesideIt() throws Exception {
        Latents l = LatentFile.read(dir.resolve("projected_w.npz"));
        assertEquals(1, l.count());
        assertEquals(8, l.numWs(), "num_ws of the 32 px fixture");
        assertEquals(128, l.wDim());
        assertEquals(7, l.noise().size(), "one map per synthesis layer (b4: 1, b8..b32: 2 each)");
        assertArrayEquals(l.ws(), LatentFile.read(dir.resolve("projected_w.csv")).ws(), 0f);
    }

    @Test
    void generateImagesWithTheLatentFileReproducesTheReconstructionExactly() throws Exception {
        LabeledFloatImg rec = (LabeledFloatImg) projection.getOutput("reconstruction");
        LabeledFloatImg img =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                GenerateImagesCommand.class,
                                "model_file",
                                rgb32("network-snapshot-000000.pkl").toFile(),
                                "latent_file",
                                dir.resolve("projected_w.npz").toFile()),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(List.of("projected_w.npz[0]"), img.labels());
        // Exact: the same computation. The reconstruction is synthesised from the latents the file
        // holds
        // (float32, read back bit for bit), one target in a batch of one; one latent is a batch of
        // one here too.
        assertArrayEquals(rec.data(), img.data(), 0f);
    }

    @Test
    void theOpenImageIsProjectedWhenNoFileIsGiven() throws Exception {
        ImagePlus imp = IJ.openImage(targetTif.toString());
        LabeledFloatImg open =
                LabeledFloatImg.of(
                        TargetImages.fromImagePlus(imp, "open").data(),
                        32,
                        32,
                        3,
                        List.of("open image"));
        CommandModule m = project("target_image", open, "num_steps", 3, "save_every", 0);
        assertFalse(m.isCanceled(), () -> "canceled: " + m.getCancelReason());
        assertEquals(
                List.of("open image"), ((LabeledFloatImg) m.getOutput("reconstruction")).labels());
        assertNull(m.getOutput("optimisation"), "save_every 0 keeps no snapshots");
    }

    @Test
    void aStackProjectsSliceBySliceInBatches() throws Exception {
        // Three grayscale 64 px images, two per batch: labels follow the slices, snapshots follow
        // each slice.
        LabeledFloatImg generated =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                GenerateImagesCommand.class,
                                "model_file",
                                Fixtures.gray64Pickle().toFile(),
                                "seeds",
                                "0-2",
                                "batch_size",
                                3),
                        "images",
                        LabeledFloatImg.class);
        Path stack = dir.resolve("stack.tif");
        TiffStackWriter.save(ImageJ1Stacks.toImagePlus("stack", generated), stack);
        CommandModule m =
                project(
                        "model_file",
                        Fixtures.gray64Pickle().toFile(),
                        "target",
                        stack.toFile(),
                        "space",
                        "W",
                        "num_steps",
                        2,
                        "save_every",
                        1,
                        "batch_size",
                        2);
        assertFalse(m.isCanceled(), () -> "canceled: " + m.getCancelReason());
        LabeledFloatImg rec = (LabeledFloatImg) m.getOutput("reconstruction");
        assertArrayEquals(new long[] {64, 64, 3}, rec.dimensionsAsLongArray());
        assertEquals(List.of("seed=0", "seed=1", "seed=2"), rec.labels());
        assertEquals(
                List.of(
                        "seed=0 step=1",
                        "seed=0 step=2",
                        "seed=1 step=1",
                        "seed=1 step=2",
                        "seed=2 step=1",
                        "seed=2 step=2"),
                ((LabeledFloatImg) m.getOutput("optimisation")).labels());
        String summary = (String) m.getOutput("summary");
        assertEquals(2, summary.lines().filter(l -> l.startsWith("Projected")).count(), summary);
    }

    /** An RGB target of 136 x 64 px: over 4 x the 32 px model's side. */
    private static Path wideTarget() {
        Path wide = dir.resolve("wide.tif");
        ColorProcessor cp = new ColorProcessor(136, 64);
        cp.setColor(new java.awt.Color(200, 120, 40));
        cp.fillOval(20, 10, 40, 40);
        assertTrue(new FileSaver(new ImagePlus("wide", cp)).saveAsTiff(wide.toString()));
        return wide;
    }

    @Test
    void aLargeTargetWithSamplingTilesIsProjectedTileByTileLabelledByPosition() throws Exception {
        CommandModule m =
                project(
                        "target",
                        wideTarget().toFile(),
                        "sampling",
                        "tiles",
                        "scale",
                        2.0,
                        "num_steps",
                        1,
                        "save_every",
                        0);
        assertFalse(m.isCanceled(), () -> "canceled: " + m.getCancelReason());
        LabeledFloatImg rec = (LabeledFloatImg) m.getOutput("reconstruction");
        // Tiles of 32 x 2 = 64 px: two across (the last 8 columns are left out), one down.
        assertEquals(List.of("wide.tif tile x=0,y=0", "wide.tif tile x=64,y=0"), rec.labels());
        assertArrayEquals(new long[] {32, 32, 3, 2}, rec.dimensionsAsLongArray());
    }

    @Test
    void objectsFromARoiSetAreProjectedOneCropEach() throws Exception {
        Path zip =
                RoiZips.write(
                        dir.resolve("RoiSet.zip"),
                        List.of(new OvalRoi(20, 10, 40, 40), new OvalRoi(90, 20, 20, 20)));
        CommandModule m =
                project(
                        "target",
                        wideTarget().toFile(),
                        "sampling",
                        "objects",
                        "rois",
                        zip.toString(),
                        "num_steps",
                        1,
                        "save_every",
                        0);
        assertFalse(m.isCanceled(), () -> "canceled: " + m.getCancelReason());
        LabeledFloatImg rec = (LabeledFloatImg) m.getOutput("reconstruction");
        // Contour centroids (40, 30) and (100, 30), less half a pixel.
        assertEquals(
                List.of("wide.tif object 1 x=39.5,y=29.5", "wide.tif object 2 x=99.5,y=29.5"),
                rec.labels());
    }

    @Test
    void aLargeTargetWithoutSamplingCancelsNamingSampling() throws Exception {
        String reason = Commands.cancelReason(project("target", wideTarget().toFile()));
        assertTrue(reason.startsWith("target is 136 x 64 px, more than 4 x"), reason);
        assertTrue(reason.contains("sampling=tiles"), reason);
    }

    @Test
    void grayscaleTargetForAnRgbModelCancelsNamingTarget() throws Exception {
        Path gray = dir.resolve("gray.png");
        assertTrue(
                new FileSaver(new ImagePlus("gray", new ByteProcessor(40, 30)))
                        .saveAsPng(gray.toString()));
        String reason = Commands.cancelReason(project("target", gray.toFile()));
        assertTrue(
                reason.startsWith("target has 1 channel(s), but the model makes 3-channel images"),
                reason);
    }

    @Test
    void missingTargetCancelsNamingTarget() throws Exception {
        assertTrue(Commands.cancelReason(project()).startsWith("target is not set"));
        assertEquals(
                "target '/no/such.tif' does not exist",
                Commands.cancelReason(project("target", new File("/no/such.tif"))));
    }

    @Test
    void discriminatorDistanceOnAGeneratorOnlyFileCancelsNamingDistance() throws Exception {
        String reason =
                Commands.cancelReason(
                        project(
                                "model_file",
                                rgb32("G_ema.pt").toFile(),
                                "target",
                                targetTif.toFile()));
        assertTrue(
                reason.startsWith("distance discriminator+mse needs the model's discriminator"),
                reason);
    }

    @Test
    void unknownSpaceCancelsNamingSpace() throws Exception {
        assertEquals(
                "space 'Z' is not valid: use W or W+",
                Commands.cancelReason(project("space", "Z", "target", targetTif.toFile())));
    }
}
