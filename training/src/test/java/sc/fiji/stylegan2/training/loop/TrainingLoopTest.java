package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.data.AugmentOptions;

/** The loop end to end on tiny networks: 8 px, batch 4, ticks of 8 images. */
class TrainingLoopTest {

    @TempDir Path tmp;

    private final BlobData data = new BlobData(12, 1, Tiny.RES, 9);

    /**
     * Records ticks and snapshots; cancels after {@code cancelAfter} minibatches (never when
     * negative).
     */
    private static class Recorder implements TrainingListener {
        final List<TickReport> ticks = new ArrayList<>();
        final List<Snapshot> snapshots = new ArrayList<>();
        final int cancelAfter;
        int minibatches;

        Recorder(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total, String message) {
            minibatches++;
        }

        @Override
        public boolean isCanceled() {
            return cancelAfter >= 0 && minibatches >= cancelAfter;
        }

        @Override
        public void tick(TickReport report) {
            ticks.add(report);
        }

        @Override
        public void snapshot(Snapshot snapshot) {
            snapshots.add(snapshot);
        }
    }

    private TrainingLoop.Result train(Path dir, TrainingOptions options, Recorder recorder)
            throws IOException {
        return new TrainingLoop(data, dir, recorder).train(options);
    }

    @Test
    void runWritesCheckpointsThatOpenInEveryCommand() throws IOException {
        Recorder r = new Recorder(-1);
        TrainingLoop.Result result = train(tmp, Tiny.options(1).build(), r);
        assertFalse(result.canceled());
        assertEquals(32, result.state().curNimg());
        // Ticks end at 4 (the first minibatch), 12, 20, 28 and 32 images; snapshots at the first
        // tick, at the
        // first tick 16 images after it (20), and at the end; grids of 2 images.
        assertEquals(
                List.of(4.0 / 1000, 20.0 / 1000, 32.0 / 1000),
                r.snapshots.stream().map(Snapshot::kimg).toList());
        assertEquals(Snapshot.Reason.FINISHED, r.snapshots.get(2).reason());
        assertEquals(2, r.snapshots.get(0).grid().count());
        try (StyleGAN2Model m = StyleGAN2Model.load(result.lastCheckpoint())) {
            assertTrue(m.hasDiscriminator());
            assertEquals(
                    2,
                    m.generate(GenerateRequest.builder(1, 2).build(), ProgressListener.NONE)
                            .count());
            assertEquals(data.intensity(), m.intensity());
        }
    }

    @Test
    void everyTickIsLoggedToTheCsv() throws IOException {
        Recorder r = new Recorder(-1);
        train(tmp, Tiny.options(1).build(), r);
        List<String> lines = Files.readAllLines(tmp.resolve(TickLog.FILE_NAME));
        assertEquals(TickLog.header(Tiny.generator(1).blockResolutions()), lines.get(0));
        assertEquals(1 + r.ticks.size(), lines.size());
        assertEquals(5, r.ticks.size()); // first minibatch, then every 8 images up to 32
        assertTrue(
                lines.get(lines.size() - 1).startsWith("4,0.0320000,"),
                lines.get(lines.size() - 1));
    }

    @Test
    void resumeContinuesKimgAndAdamMomentsExactly() throws IOException {
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path split = Files.createDirectory(tmp.resolve("split"));
        TrainingLoop.Result uninterrupted = train(whole, Tiny.options(1).build(), new Recorder(-1));
        TrainingLoop.Result half =
                train(split, Tiny.options(1).optTotalKimg(0.016).build(), new Recorder(-1));
        assertEquals(16, half.state().curNimg());
        TrainingLoop.Result resumed =
                new TrainingLoop(data, split, new Recorder(-1))
                        .resume(
                                half.lastCheckpoint(),
                                o -> o.toBuilder().optTotalKimg(0.032).build());
        assertEquals(uninterrupted.state().curNimg(), resumed.state().curNimg());
        assertEquals(uninterrupted.state().batchIdx(), resumed.state().batchIdx());
        assertEquals(uninterrupted.state().plMean(), resumed.state().plMean());
        TrainingCheckpoint a = TrainingCheckpoint.read(uninterrupted.lastCheckpoint());
        TrainingCheckpoint b = TrainingCheckpoint.read(resumed.lastCheckpoint());
        try (StyleGAN2Model ma = a.model();
                StyleGAN2Model mb = b.model()) {
            assertSame(a.gOpt(), b.gOpt(), "G Adam moments");
            assertSame(a.dOpt(), b.dOpt(), "D Adam moments");
            assertSame(
                    ma.trainingGenerator().exportStateDict(),
                    mb.trainingGenerator().exportStateDict(),
                    "G");
            assertSame(ma.generator().exportStateDict(), mb.generator().exportStateDict(), "G_ema");
            assertSame(
                    ma.discriminator().exportStateDict(),
                    mb.discriminator().exportStateDict(),
                    "D");
        }
    }

    /**
     * ADA with a fast heuristic (steps of 0.1 every 4 minibatches): a run split after 5
     * minibatches, between two adjustments, ends with the same p, the same pending signs and the
     * same networks, so the augmented images D saw after the resume were the same too; the last
     * tick reports that p.
     */
    @Test
    void resumeContinuesTheAugmentationProbabilityExactly() throws IOException {
        AugmentOptions ada = AugmentOptions.ada().withTarget(0.2).withAdaKimg(0.16);
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path split = Files.createDirectory(tmp.resolve("split"));
        Recorder recorder = new Recorder(-1);
        TrainingLoop.Result uninterrupted =
                train(whole, Tiny.options(1).optAugment(ada).build(), recorder);
        TrainingLoop.Result half =
                train(
                        split,
                        Tiny.options(1).optAugment(ada).optTotalKimg(0.020).build(),
                        new Recorder(-1));
        TrainingCheckpoint c = TrainingCheckpoint.read(half.lastCheckpoint());
        c.model().close();
        assertEquals(
                half.state().augment(), c.state().augment(), "p and the pending signs are saved");
        assertEquals(1, c.state().augment().batches());
        TrainingLoop.Result resumed =
                new TrainingLoop(data, split, new Recorder(-1))
                        .resume(
                                half.lastCheckpoint(),
                                o -> o.toBuilder().optTotalKimg(0.032).build());
        assertTrue(
                uninterrupted.state().augment().p() > 0,
                "p rose: the end of the run saw augmented images");
        assertEquals(uninterrupted.state().augment(), resumed.state().augment());
        TickReport last = recorder.ticks.get(recorder.ticks.size() - 1);
        assertEquals(uninterrupted.state().augment().p(), last.stat(TickReport.AUGMENT));
        TrainingCheckpoint a = TrainingCheckpoint.read(uninterrupted.lastCheckpoint());
        TrainingCheckpoint b = TrainingCheckpoint.read(resumed.lastCheckpoint());
        try (StyleGAN2Model ma = a.model();
                StyleGAN2Model mb = b.model()) {
            assertEquals(ada, b.options().augment());
            assertSame(
                    ma.trainingGenerator().exportStateDict(),
                    mb.trainingGenerator().exportStateDict(),
                    "G");
            assertSame(
                    ma.discriminator().exportStateDict(),
                    mb.discriminator().exportStateDict(),
                    "D");
        }
    }

    private static void assertSame(
            Map<String, TensorData> a, Map<String, TensorData> b, String what) {
        assertEquals(new TreeMap<>(a).keySet(), new TreeMap<>(b).keySet(), what);
        a.forEach((k, t) -> assertArrayEquals(t.data(), b.get(k).data(), 1e-6f, what + " " + k));
    }

    @Test
    void cancelWritesOneMoreCheckpointAndKeepsTheEarlierOnes() throws IOException {
        Recorder r =
                new Recorder(3); // after 12 images: past the first snapshot (4 images), before 16
        TrainingLoop.Result result = train(tmp, Tiny.options(1).build(), r);
        assertTrue(result.canceled());
        assertEquals(12, result.state().curNimg());
        assertEquals(
                List.of(Snapshot.Reason.SCHEDULED, Snapshot.Reason.CANCELED),
                r.snapshots.stream().map(Snapshot::reason).toList());
        Path first = r.snapshots.get(0).checkpoint();
        assertNotEquals(first, result.lastCheckpoint());
        assertEquals(
                4,
                TrainingCheckpoint.read(first).state().curNimg(),
                "the earlier checkpoint is untouched");
        assertEquals(12, TrainingCheckpoint.read(result.lastCheckpoint()).state().curNimg());
    }

    @Test
    void interruptCancelsAndKeepsTheInterruptFlag() throws IOException {
        Recorder r =
                new Recorder(-1) {
                    @Override
                    public void progress(long done, long total, String message) {
                        if (done == 8) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
        try {
            TrainingLoop.Result result = train(tmp, Tiny.options(1).build(), r);
            assertTrue(result.canceled());
            assertEquals(8, TrainingCheckpoint.read(result.lastCheckpoint()).state().curNimg());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void damagedCheckpointFailsClearlyAndNothingIsWritten() throws IOException {
        TrainingLoop.Result done =
                train(tmp, Tiny.options(1).optTotalKimg(0.008).build(), new Recorder(-1));
        byte[] good = Files.readAllBytes(done.lastCheckpoint());
        Path damaged = tmp.resolve("network-snapshot-000099.sg2");
        Files.write(damaged, java.util.Arrays.copyOf(good, good.length / 2));
        Map<Path, byte[]> before = contents(tmp);
        CheckpointFormatException e =
                assertThrows(
                        CheckpointFormatException.class,
                        () ->
                                new TrainingLoop(data, tmp, new Recorder(-1))
                                        .resume(damaged, o -> o));
        assertTrue(e.getMessage().contains("network-snapshot-000099.sg2"), e.getMessage());
        Map<Path, byte[]> after = contents(tmp);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, bytes) -> assertArrayEquals(bytes, after.get(p), p.toString()));
    }

    @Test
    void modelWithoutTrainingStateIsRefusedClearly() throws IOException {
        Path plain = tmp.resolve("plain.sg2");
        try (StyleGAN2Model m = Tiny.model(1, 1)) {
            m.save(plain);
        }
        CheckpointFormatException e =
                assertThrows(
                        CheckpointFormatException.class,
                        () -> new TrainingLoop(data, tmp, new Recorder(-1)).resume(plain, o -> o));
        assertTrue(e.getMessage().contains("no training state"), e.getMessage());
    }

    private static Map<Path, byte[]> contents(Path dir) throws IOException {
        Map<Path, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
