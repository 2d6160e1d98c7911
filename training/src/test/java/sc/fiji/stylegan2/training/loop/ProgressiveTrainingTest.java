package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.v1.StyleSynthesisNetwork;
import sc.fiji.stylegan2.training.GrowingSchedule;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;

/**
 * The original StyleGAN trained by the loop on tiny 16 px networks: fixed, and grown from 8 px with
 * phases of 8 images and fade-ins of 16 (batch 8 at 8 px, 4 at 16 px), so that 32 images run lod 1
 * for two minibatches, fade 16 px in (lod 0.5, 0.25) and end at lod 0.
 */
class ProgressiveTrainingTest {

    @TempDir Path tmp;

    private final BlobData data = new BlobData(12, 1, 16, 9);

    private static final GrowingSchedule FAST = new GrowingSchedule(8, 0.008, 0.016, 2);

    private static TrainingOptions.Builder options(boolean growing) {
        GeneratorConfig g =
                Tiny.generator(1).toBuilder()
                        .setResolution(16)
                        .optArchitecture(Architecture.STYLEGAN1)
                        .build();
        return TrainingOptions.builder(Tiny.options(1).build().config(), 16, 1)
                .optGenerator(g)
                .optBatchSize(4)
                .optMbstdGroup(2)
                .optPlWeight(0)
                .optTotalKimg(0.032)
                .optTickKimg(0.008)
                .optSnapshotKimg(0.016)
                .optGridImages(2)
                .optSeed(5)
                .optGrowing(growing ? FAST : null);
    }

    private static final class Lods implements TrainingListener {
        final List<Double> lods = new ArrayList<>();

        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public void snapshot(Snapshot s) {
            try (StyleGAN2Model m = StyleGAN2Model.load(s.checkpoint())) {
                lods.add(m.lod());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void fixedStyleGAN1TrainsAndItsCheckpointOpensAsV1() throws IOException {
        TrainingLoop.Result r =
                new TrainingLoop(data, tmp, new Lods()).train(options(false).build());
        assertFalse(r.canceled());
        assertEquals(32, r.state().curNimg());
        try (StyleGAN2Model m = StyleGAN2Model.load(r.lastCheckpoint())) {
            assertTrue(m.generator().synthesis() instanceof StyleSynthesisNetwork);
            assertEquals(0, m.lod());
        }
    }

    @Test
    void styleGAN1TicksCarryNoToRgbSharesAndTheLogNoShareColumns() throws IOException {
        List<TickReport> ticks = new ArrayList<>();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public void tick(TickReport report) {
                        ticks.add(report);
                    }
                };
        new TrainingLoop(data, tmp, listener).train(options(false).optTotalKimg(0.004).build());
        assertEquals(1, ticks.size());
        assertEquals(List.of(), ticks.get(0).torgb(), "its image is its last toRGB alone");
        assertFalse(ticks.get(0).statusLine().contains("torgb"), ticks.get(0).statusLine());
        String header = Files.readAllLines(tmp.resolve(TickLog.FILE_NAME)).get(0);
        assertEquals(TickLog.header(), header);
    }

    @Test
    void growingRunsTheScheduleWithItsMinibatchesAndSnapshotsTheLod() throws IOException {
        Lods lods = new Lods();
        TrainingLoop.Result r = new TrainingLoop(data, tmp, lods).train(options(true).build());
        // minibatches start at 0 (8 images), 8 (8), 16 (4), 20 (4), 24 (4), 28 (4)
        assertEquals(6, r.state().batchIdx());
        assertEquals(32, r.state().curNimg());
        // snapshots after the first minibatch (8, lod 1 when saved), at 24 (lod 0.25 last run) and
        // at the end
        assertEquals(List.of(1.0, 0.25, 0.0), lods.lods);
    }

    @Test
    void growingRunResumedInTheMiddleOfAFadeInContinuesExactly() throws IOException {
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path split = Files.createDirectory(tmp.resolve("split"));
        TrainingLoop.Result uninterrupted =
                new TrainingLoop(data, whole, new Lods()).train(options(true).build());
        TrainingLoop.Result half =
                new TrainingLoop(data, split, new Lods())
                        .train(options(true).optTotalKimg(0.020).build());
        assertEquals(20, half.state().curNimg(), "stopped after lod 0.5, before lod 0.25");
        TrainingLoop.Result resumed =
                new TrainingLoop(data, split, new Lods())
                        .resume(
                                half.lastCheckpoint(),
                                o -> o.toBuilder().optTotalKimg(0.032).build());
        assertEquals(uninterrupted.state().batchIdx(), resumed.state().batchIdx());
        TrainingCheckpoint a = TrainingCheckpoint.read(uninterrupted.lastCheckpoint());
        TrainingCheckpoint b = TrainingCheckpoint.read(resumed.lastCheckpoint());
        try (StyleGAN2Model ma = a.model();
                StyleGAN2Model mb = b.model()) {
            assertEquals(FAST, b.options().growing());
            assertSame(a.gOpt(), b.gOpt(), "G Adam moments");
            assertSame(a.dOpt(), b.dOpt(), "D Adam moments");
            assertSame(ma.generator().exportStateDict(), mb.generator().exportStateDict(), "G_ema");
            assertSame(
                    ma.discriminator().exportStateDict(),
                    mb.discriminator().exportStateDict(),
                    "D");
        }
    }

    /** Equal up to float32 rounding (same computation in another process order of allocations). */
    private static void assertSame(
            Map<String, TensorData> a, Map<String, TensorData> b, String what) {
        assertEquals(new TreeMap<>(a).keySet(), new TreeMap<>(b).keySet(), what);
        a.forEach((k, t) -> assertArrayEquals(t.data(), b.get(k).data(), 1e-6f, what + " " + k));
    }
}
