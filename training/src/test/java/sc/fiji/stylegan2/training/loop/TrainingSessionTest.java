package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;

class TrainingSessionTest {

    /** SciJava runs commands on their own threads, where libtorch's grad mode starts on. */
    @Test
    void stepWorksOnAThreadWhereGradModeIsOn() throws Exception {
        TrainingOptions o = Tiny.options(1).build();
        BlobData data = new BlobData(8, 1, Tiny.RES, 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Long> nimg = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (TrainingSession s = TrainingSession.start(o, IntensityMapping.OFFICIAL_8BIT)) {
                JniUtils.setGradMode(true);
                s.step(new BatchSampler(data, 1, false).batch(0, o.batchSize()));
                nimg.set(s.state().curNimg());
                assertTrue(JniUtils.isGradMode(), "the thread's grad mode is restored");
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        assertNull(failure.get());
        assertEquals(4L, nimg.get());
    }

    @Test
    void stepCountsImagesAndMinibatchesAndReportsTheMainLosses() {
        TrainingOptions o = Tiny.options(1).build();
        BlobData data = new BlobData(8, 1, Tiny.RES, 1);
        try (TrainingSession s = TrainingSession.start(o, IntensityMapping.OFFICIAL_8BIT)) {
            var stats = s.step(new BatchSampler(data, 1, false).batch(0, o.batchSize()));
            assertTrue(stats.keySet().containsAll(java.util.List.of("Loss/G/loss", "Loss/D/loss", "Loss/G/reg",
                    "Loss/D/reg")), stats.toString());
            s.step(new BatchSampler(data, 1, false).batch(4, o.batchSize()));
            assertEquals(8, s.state().curNimg());
            assertEquals(2, s.state().batchIdx());
            assertEquals(3, s.generatorOptimizer().steps(), "Gmain + Greg, then Gmain");
            assertEquals(3, s.discriminatorOptimizer().steps(), "Dmain + Dreg, then Dmain");
        }
    }
}
