package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.NvlabsPickleReader;
import sc.fiji.stylegan2.plugin.testutil.BlobTraining;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.loop.TickLog;
import sc.fiji.stylegan2.training.loop.TickReport;

/**
 * Train StyleGAN2 through a SciJava context on 8 px blobs with config small (two minibatches a
 * run).
 */
class TrainStyleGAN2CommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    /**
     * Train StyleGAN2 on the blobs into {@code tmp/run}, with {@code keyValues} over {@link
     * BlobTraining}'s.
     */
    private CommandModule train(double kimg, String resume, Object... keyValues) throws Exception {
        return Commands.run(
                scijava.context(),
                TrainStyleGAN2Command.class,
                BlobTraining.keys(tmp.resolve("run"), kimg, resume),
                keyValues);
    }

    @Test
    void trainingWritesCheckpointsGridsAndTheLog() throws Exception {
        CommandModule m = train(0.016, "");
        File last = Commands.output(m, "checkpoint", File.class);
        assertTrue(
                ((String) m.getOutput("message")).startsWith("Finished at 0.016 kimg"),
                (String) m.getOutput("message"));
        try (StyleGAN2Model model = StyleGAN2Model.load(last.toPath())) {
            assertEquals(8, model.config().resolution());
        }
        Path run = tmp.resolve("run");
        assertTrue(Files.exists(run.resolve("training_log.csv")));
        try (Stream<Path> files = Files.list(run)) {
            assertTrue(
                    files.anyMatch(f -> f.getFileName().toString().matches("fakes000000.*\\.tif")));
        }
    }

    @Test
    void resumeLatestContinuesTheImageCount() throws Exception {
        Commands.output(train(0.008, ""), "checkpoint", File.class);
        File checkpoint = Commands.output(train(0.016, "latest"), "checkpoint", File.class);
        TrainingCheckpoint c = TrainingCheckpoint.read(checkpoint.toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(16, c.state().curNimg());
            assertEquals(2, c.state().batchIdx());
        }
    }

    /**
     * Back from the official trainer: its 12 kimg snapshot (p = 0.375) continues for two
     * minibatches of 4, fewer than ADA's adjustment interval, so p is still the snapshot's.
     */
    @Test
    void resumeFromAnOfficialSnapshotContinuesItsKimgAndAugmentationP() throws Exception {
        Path pkl = Fixtures.officialSnapshot12();
        File checkpoint = Commands.output(train(12.008, pkl.toString()), "checkpoint", File.class);
        TrainingCheckpoint c = TrainingCheckpoint.read(checkpoint.toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(12_008, c.state().curNimg());
            assertEquals(
                    NvlabsPickleReader.readSnapshot(pkl).augmentPipe().p(),
                    c.state().augment().p());
        }
    }

    @Test
    void tiffStackFileTrains() throws Exception {
        ij.ImageStack stack = new ij.ImageStack(12, 10);
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 6; i++) {
            float[] px = new float[12 * 10];
            for (int k = 0; k < px.length; k++) {
                px[k] = 100 + 50 * r.nextFloat();
            }
            stack.addSlice(new ij.process.FloatProcessor(12, 10, px));
        }
        Path tif = tmp.resolve("cells.tif");
        assertTrue(
                new ij.io.FileSaver(new ij.ImagePlus("cells", stack))
                        .saveAsTiffStack(tif.toString()));
        File checkpoint =
                Commands.output(train(0.008, "", "images", tif.toFile()), "checkpoint", File.class);
        try (StyleGAN2Model model = StyleGAN2Model.load(checkpoint.toPath())) {
            assertEquals(8, model.config().resolution());
            assertTrue(
                    model.intensity().offset() > 100,
                    "the data's units come back: " + model.intensity());
        }
    }

    /**
     * Two 12-bit channels of very different brightness in one 16-bit 64 x 48 px image, trained as
     * random 16 px tiles at scale 2: the checkpoint maps each channel to its own range inside its
     * data.
     */
    @Test
    void largeTwelveBitTwoChannelImageTrainsAsTilesWithARangePerChannel() throws Exception {
        ij.ImageStack stack = new ij.ImageStack(64, 48);
        java.util.Random r = new java.util.Random(2);
        for (int c = 0; c < 2; c++) {
            short[] px = new short[64 * 48];
            for (int k = 0; k < px.length; k++) {
                px[k] = (short) (c == 0 ? 100 + r.nextInt(200) : 1000 + r.nextInt(3000));
            }
            stack.addSlice(new ij.process.ShortProcessor(64, 48, px, null));
        }
        ij.ImagePlus imp = new ij.ImagePlus("micrograph", stack);
        imp.setDimensions(2, 1, 1);
        Path tif = tmp.resolve("micrograph.tif");
        assertTrue(new ij.io.FileSaver(imp).saveAsTiffStack(tif.toString()));
        CommandModule m =
                train(0.008, "", "images", tif.toFile(), "sampling", "tiles", "scale", 2.0);
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        try (StyleGAN2Model model =
                StyleGAN2Model.load(((File) m.getOutput("checkpoint")).toPath())) {
            assertEquals(2, model.intensity().channels(), model.intensity().toString());
            double low0 = model.intensity().offset(0) - model.intensity().scale(0);
            double high1 = model.intensity().offset(1) + model.intensity().scale(1);
            assertTrue(
                    low0 >= 100 && low0 < 110,
                    model.intensity().toString()); // the 0.1 % percentile
            assertTrue(
                    high1 > 3900 && high1 <= 3999,
                    model.intensity().toString()); // the 99.9 % percentile
        }
    }

    /**
     * A stack with 0.25 µm pixels, trained as tiles at scale 2: generated images have 0.5 µm
     * pixels.
     */
    @Test
    void pixelSizeTimesScaleIsStoredAndCarriedToGeneratedImages() throws Exception {
        ij.ImageStack stack = new ij.ImageStack(40, 40);
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 2; i++) {
            float[] px = new float[40 * 40];
            for (int k = 0; k < px.length; k++) {
                px[k] = r.nextFloat();
            }
            stack.addSlice(new ij.process.FloatProcessor(40, 40, px));
        }
        ij.ImagePlus imp = new ij.ImagePlus("calibrated", stack);
        imp.getCalibration().pixelWidth = 0.25;
        imp.getCalibration().pixelHeight = 0.25;
        imp.getCalibration().setUnit("micron");
        Path tif = tmp.resolve("calibrated.tif");
        assertTrue(new ij.io.FileSaver(imp).saveAsTiffStack(tif.toString()));
        CommandModule m =
                train(0.008, "", "images", tif.toFile(), "sampling", "tiles", "scale", 2.0);
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        Path checkpoint = ((File) m.getOutput("checkpoint")).toPath();
        sc.fiji.stylegan2.plugin.image.LabeledFloatImg generated =
                sc.fiji.stylegan2.plugin.task.ModelTasks.generate(
                        checkpoint,
                        sc.fiji.stylegan2.model.generate.GenerateRequest.builder(1).build(),
                        sc.fiji.stylegan2.model.ProgressListener.NONE);
        ij.measure.Calibration cal =
                sc.fiji.stylegan2.plugin.image.ImageJ1Stacks.toImagePlus("g", generated)
                        .getCalibration();
        assertEquals(0.5, cal.pixelWidth, 1e-12);
        assertEquals(0.5, cal.pixelHeight, 1e-12);
        assertEquals("micron", cal.getUnit());
    }

    /**
     * augment=ada from p = 0.5: D sees augmented images from the first minibatch; two minibatches
     * are fewer than the heuristic's interval of 4, so p is still 0.5 in the checkpoint and the CSV
     * log.
     */
    @Test
    void adaptiveAugmentationTrainsAndReportsP() throws Exception {
        File checkpoint =
                Commands.output(
                        train(0.016, "", "augment", "ada", "augment_p", 0.5, "ada_target", 0.5),
                        "checkpoint",
                        File.class);
        TrainingCheckpoint c = TrainingCheckpoint.read(checkpoint.toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(AugmentMode.ADA, c.options().augment().mode());
            assertEquals(0.5, c.options().augment().target());
            assertEquals(0.5, c.state().augment().p());
            assertEquals(
                    2,
                    c.state().augment().batches(),
                    "the signs of both minibatches wait for the next step");
        }
        List<String> log = Files.readAllLines(tmp.resolve("run").resolve(TickLog.FILE_NAME));
        int column = List.of(log.get(0).split(",")).indexOf(TickReport.AUGMENT);
        assertTrue(column > 0, log.get(0));
        assertEquals("0.500000", log.get(log.size() - 1).split(",", -1)[column]);
    }

    @Test
    void invalidAugmentationKeysAreRefusedNamingTheKey() throws Exception {
        Object[][] cases = {
            {"augment", "always"}, {"augment_p", 1.5}, {"ada_target", 1.0}, {"ada_kimg", 0.0}
        };
        for (Object[] bad : cases) {
            String reason =
                    Commands.cancelReason(train(0.008, "", "augment", "fixed", bad[0], bad[1]));
            assertTrue(reason.startsWith(bad[0].toString()), reason);
        }
    }

    @Test
    void imagesNoReaderHandlesAreRefusedNamingTheKey() throws Exception {
        Path txt = Files.createFile(tmp.resolve("x.txt"));
        String reason = Commands.cancelReason(train(0.008, "", "images", txt.toFile()));
        assertTrue(reason.startsWith("images"), reason);
    }

    @Test
    void resolutionThatIsNotAPowerOfTwoIsRefused() throws Exception {
        String reason = Commands.cancelReason(train(0.008, "", "resolution", 12));
        assertTrue(reason.contains("resolution 12"), reason);
    }

    @Test
    void resumeLatestWithoutSnapshotsSaysSo() throws Exception {
        String reason = Commands.cancelReason(train(0.008, "latest"));
        assertTrue(reason.contains("no network-snapshot"), reason);
    }
}
