package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.loop.TickLog;
import sc.fiji.stylegan2.training.loop.TickReport;

/** Train StyleGAN2 through a SciJava context on 8 px blobs with config small (two minibatches a run). */
class TrainStyleGAN2CommandTest {

    private static Context context;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openContext() {
        System.setProperty("java.awt.headless", "true");
        context = new Context();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    private Map<String, Object> inputs(double kimg, String resume) throws Exception {
        Path images = tmp.resolve("cells.blobs");
        if (!Files.exists(images)) {
            Files.createFile(images);
        }
        Map<String, Object> in = new HashMap<>();
        in.put("images", images.toFile());
        in.put("output_dir", tmp.resolve("run").toFile());
        in.put("resolution", 8);
        in.put("config", "small");
        in.put("kimg", kimg);
        in.put("batch_size", 0);
        in.put("snapshot_kimg", 0.008);
        in.put("resume", resume);
        in.put("mirror", true);
        // Every key given: SciJava fills a missing one with the value the previous test left (persisted).
        in.put("augment", "ada");
        in.put("augment_p", 0.0);
        in.put("ada_target", 0.6);
        in.put("ada_kimg", 500.0);
        in.put("intensity", "auto");
        in.put("percentile_low", 0.1);
        in.put("percentile_high", 99.9);
        in.put("per_channel", true);
        in.put("sampling", "whole");
        in.put("scale", 1.0);
        in.put("min_foreground", 0.0);
        in.put("labels", "");
        return in;
    }

    private static CommandModule run(Map<String, Object> inputs) throws Exception {
        return context.service(CommandService.class).run(TrainStyleGAN2Command.class, true, inputs).get();
    }

    @Test
    void trainingWritesCheckpointsGridsAndTheLog() throws Exception {
        CommandModule m = run(inputs(0.016, ""));
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        File last = (File) m.getOutput("checkpoint");
        assertTrue(((String) m.getOutput("message")).startsWith("Finished at 0.016 kimg"), (String) m.getOutput("message"));
        try (StyleGAN2Model model = StyleGAN2Model.load(last.toPath())) {
            assertEquals(8, model.config().resolution());
        }
        Path run = tmp.resolve("run");
        assertTrue(Files.exists(run.resolve("training_log.csv")));
        try (Stream<Path> files = Files.list(run)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("fakes000000.*\\.tif")));
        }
    }

    @Test
    void resumeLatestContinuesTheImageCount() throws Exception {
        assertFalse(run(inputs(0.008, "")).isCanceled());
        CommandModule m = run(inputs(0.016, "latest"));
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        TrainingCheckpoint c = TrainingCheckpoint.read(((File) m.getOutput("checkpoint")).toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(16, c.state().curNimg());
            assertEquals(2, c.state().batchIdx());
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
        assertTrue(new ij.io.FileSaver(new ij.ImagePlus("cells", stack)).saveAsTiffStack(tif.toString()));
        Map<String, Object> in = inputs(0.008, "");
        in.put("images", tif.toFile());
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        try (StyleGAN2Model model = StyleGAN2Model.load(((File) m.getOutput("checkpoint")).toPath())) {
            assertEquals(8, model.config().resolution());
            assertTrue(model.intensity().offset() > 100, "the data's units come back: " + model.intensity());
        }
    }

    /**
     * Two 12-bit channels of very different brightness in one 16-bit 64 x 48 px image, trained as random
     * 16 px tiles at scale 2: the checkpoint maps each channel to its own range inside its data.
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
        Map<String, Object> in = inputs(0.008, "");
        in.put("images", tif.toFile());
        in.put("sampling", "tiles");
        in.put("scale", 2.0);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        try (StyleGAN2Model model = StyleGAN2Model.load(((File) m.getOutput("checkpoint")).toPath())) {
            assertEquals(2, model.intensity().channels(), model.intensity().toString());
            double low0 = model.intensity().offset(0) - model.intensity().scale(0);
            double high1 = model.intensity().offset(1) + model.intensity().scale(1);
            assertTrue(low0 >= 100 && low0 < 110, model.intensity().toString()); // the 0.1 % percentile
            assertTrue(high1 > 3900 && high1 <= 3999, model.intensity().toString()); // the 99.9 % percentile
        }
    }

    /** A stack with 0.25 µm pixels, trained as tiles at scale 2: generated images have 0.5 µm pixels. */
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
        Map<String, Object> in = inputs(0.008, "");
        in.put("images", tif.toFile());
        in.put("sampling", "tiles");
        in.put("scale", 2.0);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        Path checkpoint = ((File) m.getOutput("checkpoint")).toPath();
        sc.fiji.stylegan2.plugin.image.LabeledFloatImg generated = sc.fiji.stylegan2.plugin.task.ModelTasks.generate(
                checkpoint, sc.fiji.stylegan2.model.generate.GenerateRequest.builder(1).build(),
                sc.fiji.stylegan2.model.ProgressListener.NONE);
        ij.measure.Calibration cal = sc.fiji.stylegan2.plugin.image.ImageJ1Stacks.toImagePlus("g", generated)
                .getCalibration();
        assertEquals(0.5, cal.pixelWidth, 1e-12);
        assertEquals(0.5, cal.pixelHeight, 1e-12);
        assertEquals("micron", cal.getUnit());
    }

    /**
     * augment=ada from p = 0.5: D sees augmented images from the first minibatch; two minibatches are fewer than
     * the heuristic's interval of 4, so p is still 0.5 in the checkpoint and the CSV log.
     */
    @Test
    void adaptiveAugmentationTrainsAndReportsP() throws Exception {
        Map<String, Object> in = inputs(0.016, "");
        in.put("augment", "ada");
        in.put("augment_p", 0.5);
        in.put("ada_target", 0.5);
        CommandModule m = run(in);
        assertFalse(m.isCanceled(), () -> m.getCancelReason());
        TrainingCheckpoint c = TrainingCheckpoint.read(((File) m.getOutput("checkpoint")).toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(AugmentMode.ADA, c.options().augment().mode());
            assertEquals(0.5, c.options().augment().target());
            assertEquals(0.5, c.state().augment().p());
            assertEquals(2, c.state().augment().batches(), "the signs of both minibatches wait for the next step");
        }
        List<String> log = Files.readAllLines(tmp.resolve("run").resolve(TickLog.FILE_NAME));
        int column = List.of(log.get(0).split(",")).indexOf(TickReport.AUGMENT);
        assertTrue(column > 0, log.get(0));
        assertEquals("0.500000", log.get(log.size() - 1).split(",", -1)[column]);
    }

    @Test
    void invalidAugmentationKeysAreRefusedNamingTheKey() throws Exception {
        Object[][] cases = {{"augment", "always"}, {"augment_p", 1.5}, {"ada_target", 1.0}, {"ada_kimg", 0.0}};
        for (Object[] bad : cases) {
            Map<String, Object> in = inputs(0.008, "");
            in.put("augment", "fixed");
            in.put(bad[0].toString(), bad[1]);
            CommandModule m = run(in);
            assertTrue(m.isCanceled(), bad[0].toString());
            assertTrue(m.getCancelReason().startsWith(bad[0].toString()), m.getCancelReason());
        }
    }

    @Test
    void imagesNoReaderHandlesAreRefusedNamingTheKey() throws Exception {
        Map<String, Object> in = inputs(0.008, "");
        Path png = Files.createFile(tmp.resolve("x.txt"));
        in.put("images", png.toFile());
        CommandModule m = run(in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().startsWith("images"), m.getCancelReason());
    }

    @Test
    void resolutionThatIsNotAPowerOfTwoIsRefused() throws Exception {
        Map<String, Object> in = inputs(0.008, "");
        in.put("resolution", 12);
        CommandModule m = run(in);
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("resolution 12"), m.getCancelReason());
    }

    @Test
    void resumeLatestWithoutSnapshotsSaysSo() throws Exception {
        CommandModule m = run(inputs(0.008, "latest"));
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("no network-snapshot"), m.getCancelReason());
    }
}
