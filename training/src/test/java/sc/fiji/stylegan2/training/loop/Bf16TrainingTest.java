package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.loss.LossPhase;

/**
 * Training in bfloat16 ({@link Precision#BF16}) on tiny networks (8 px: the b8 blocks of G and D
 * are the bfloat16 ones): the checkpoint records the precision, and a resumed run continues
 * exactly.
 */
class Bf16TrainingTest {

    @TempDir Path tmp;

    private final BlobData data = new BlobData(12, 1, Tiny.RES, 9);

    private TrainingLoop.Result train(Path dir, TrainingOptions options) throws IOException {
        return new TrainingLoop(data, dir, TrainingListener.NONE).train(options);
    }

    @Test
    void checkpointRecordsTheTrainingPrecision() throws IOException {
        TrainingLoop.Result r =
                train(
                        tmp,
                        Tiny.options(1).optTotalKimg(0.016).optPrecision(Precision.BF16).build());
        TrainingCheckpoint c = TrainingCheckpoint.read(r.lastCheckpoint());
        c.model().close();
        assertEquals(Precision.BF16, c.options().precision());
    }

    @Test
    void bf16TrainingComputesOtherWeightsThanFloat32() throws IOException {
        Path fp32 = Files.createDirectory(tmp.resolve("fp32"));
        Path bf16 = Files.createDirectory(tmp.resolve("bf16"));
        TrainingOptions.Builder o = Tiny.options(1).optTotalKimg(0.016);
        TrainingCheckpoint a = TrainingCheckpoint.read(train(fp32, o.build()).lastCheckpoint());
        TrainingCheckpoint b =
                TrainingCheckpoint.read(
                        train(bf16, o.optPrecision(Precision.BF16).build()).lastCheckpoint());
        try (StyleGAN2Model ma = a.model();
                StyleGAN2Model mb = b.model()) {
            float[] wa = ma.discriminator().exportStateDict().get("b8.conv0.weight").data();
            float[] wb = mb.discriminator().exportStateDict().get("b8.conv0.weight").data();
            assertFalse(Arrays.equals(wa, wb), "the bf16 layers ran in bfloat16");
        }
    }

    @Test
    void regularisationPhasesRunInFloat32AndMainPhasesAsRequested() {
        for (Precision requested : new Precision[] {Precision.BF16, Precision.AUTO}) {
            assertEquals(requested, TrainingSession.precisionOf(LossPhase.GMAIN, requested));
            assertEquals(requested, TrainingSession.precisionOf(LossPhase.DMAIN, requested));
            assertEquals(Precision.FP32, TrainingSession.precisionOf(LossPhase.GREG, requested));
            assertEquals(Precision.FP32, TrainingSession.precisionOf(LossPhase.DREG, requested));
        }
    }

    /**
     * Exact, not within a tolerance: the resumed run repeats the same computation (same batch
     * shapes, same ops and casts, same thread count, same libtorch kernels on the same machine)
     * from the same float32 master weights, Adam moments and random state, and bfloat16 rounding is
     * deterministic.
     */
    @Test
    void resumeInBf16ContinuesExactly() throws IOException {
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path split = Files.createDirectory(tmp.resolve("split"));
        TrainingOptions.Builder o = Tiny.options(1).optPrecision(Precision.BF16);
        TrainingLoop.Result uninterrupted = train(whole, o.build());
        TrainingLoop.Result half = train(split, o.optTotalKimg(0.016).build());
        TrainingLoop.Result resumed =
                new TrainingLoop(data, split, TrainingListener.NONE)
                        .resume(
                                half.lastCheckpoint(),
                                c -> c.toBuilder().optTotalKimg(0.032).build());
        assertEquals(uninterrupted.state().plMean(), resumed.state().plMean());
        TrainingCheckpoint a = TrainingCheckpoint.read(uninterrupted.lastCheckpoint());
        TrainingCheckpoint b = TrainingCheckpoint.read(resumed.lastCheckpoint());
        try (StyleGAN2Model ma = a.model();
                StyleGAN2Model mb = b.model()) {
            assertEquals(Precision.BF16, b.options().precision());
            assertExactlyEqual(
                    ma.trainingGenerator().exportStateDict(),
                    mb.trainingGenerator().exportStateDict(),
                    "G");
            assertExactlyEqual(
                    ma.generator().exportStateDict(), mb.generator().exportStateDict(), "G_ema");
            assertExactlyEqual(
                    ma.discriminator().exportStateDict(),
                    mb.discriminator().exportStateDict(),
                    "D");
        }
    }

    private static void assertExactlyEqual(
            Map<String, TensorData> a, Map<String, TensorData> b, String what) {
        assertEquals(new TreeMap<>(a).keySet(), new TreeMap<>(b).keySet(), what);
        a.forEach((k, t) -> assertArrayEquals(t.data(), b.get(k).data(), 0f, what + " " + k));
    }
}
