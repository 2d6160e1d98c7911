package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.data.ConditionalData;
import sc.fiji.stylegan2.training.data.ImageClasses;

/** A conditional model trained end to end on tiny networks: 12 images of three named classes. */
class ConditionalTrainingTest {

    @TempDir Path tmp;

    private static final List<String> NAMES = List.of("ko", "mock", "wt");

    private final ConditionalData data =
            new ConditionalData(new BlobData(12, 1, Tiny.RES, 9), classes());

    /** Images 0, 3, 6, 9 are wt, 1, 4, 7, 10 ko, the rest mock. */
    private static ImageClasses classes() {
        List<String> perImage = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            perImage.add(List.of("wt", "ko", "mock").get(i % 3));
        }
        return ImageClasses.ofNames(perImage);
    }

    private static TrainingOptions.Builder options() {
        return Tiny.options(1).optClasses(3);
    }

    private TrainingLoop.Result train(Path dir, TrainingOptions options) throws IOException {
        return new TrainingLoop(data, dir, TrainingListener.NONE).train(options);
    }

    @Test
    void checkpointKeepsTheClassNamesAndGeneratesEachClass() throws IOException {
        TrainingLoop.Result result = train(tmp, options().build());
        assertFalse(result.canceled());
        try (StyleGAN2Model m = StyleGAN2Model.load(result.lastCheckpoint())) {
            assertEquals(NAMES, m.classes().names());
            assertTrue(m.discriminator().config().conditional());
            var images =
                    m.generate(
                            GenerateRequest.builder(1, 2).optClassIndex(2).build(),
                            ProgressListener.NONE);
            assertEquals(List.of("seed=1 class=wt", "seed=2 class=wt"), images.labels());
        }
    }

    @Test
    void snapshotGridShowsEveryClassInTurn() throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        TrainingListener recorder =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public void snapshot(Snapshot s) {
                        snapshots.add(s);
                    }
                };
        new TrainingLoop(data, tmp, recorder).train(options().optGridImages(4).build());
        assertEquals(
                List.of(
                        "seed=0 class=ko",
                        "seed=1 class=mock",
                        "seed=2 class=wt",
                        "seed=3 class=ko"),
                snapshots.get(0).grid().labels());
    }

    @Test
    void resumeContinuesExactly() throws IOException {
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path split = Files.createDirectory(tmp.resolve("split"));
        TrainingLoop.Result uninterrupted = train(whole, options().build());
        TrainingLoop.Result half = train(split, options().optTotalKimg(0.016).build());
        TrainingLoop.Result resumed =
                new TrainingLoop(data, split, TrainingListener.NONE)
                        .resume(
                                half.lastCheckpoint(),
                                o -> o.toBuilder().optTotalKimg(0.032).build());
        assertEquals(uninterrupted.state().curNimg(), resumed.state().curNimg());
        TrainingCheckpoint a = TrainingCheckpoint.read(uninterrupted.lastCheckpoint());
        TrainingCheckpoint b = TrainingCheckpoint.read(resumed.lastCheckpoint());
        try (StyleGAN2Model ma = a.model();
                StyleGAN2Model mb = b.model()) {
            assertEquals(NAMES, mb.classes().names());
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

    @Test
    void resumeWithOtherClassNamesIsRefused() throws IOException {
        TrainingLoop.Result run = train(tmp, options().optTotalKimg(0.004).build());
        List<String> renamed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            renamed.add(List.of("a", "b", "c").get(i % 3));
        }
        ConditionalData other =
                new ConditionalData(
                        new BlobData(12, 1, Tiny.RES, 9), ImageClasses.ofNames(renamed));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new TrainingLoop(other, tmp, TrainingListener.NONE)
                                        .resume(run.lastCheckpoint(), o -> o));
        assertTrue(
                e.getMessage().startsWith("conditions: the data's classes [a, b, c]"),
                e.getMessage());
    }

    @Test
    void unlabelledDataCannotTrainAConditionalModel() {
        BlobData unlabelled = new BlobData(12, 1, Tiny.RES, 9);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new TrainingLoop(unlabelled, tmp, TrainingListener.NONE)
                                        .train(options().build()));
        assertTrue(
                e.getMessage().startsWith("conditions: the data have no classes"), e.getMessage());
    }

    /** Exactly equal: the resumed run repeats the same computations in the same order. */
    private static void assertSame(
            Map<String, TensorData> a, Map<String, TensorData> b, String what) {
        assertEquals(new TreeMap<>(a).keySet(), new TreeMap<>(b).keySet(), what);
        a.forEach((k, t) -> assertArrayEquals(t.data(), b.get(k).data(), what + " " + k));
    }
}
