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
import sc.fiji.stylegan2.training.data.AugmentOptions;

class TrainingSessionTest {

    /** SciJava runs commands on their own threads, where libtorch's grad mode starts on. */
    @Test
    void stepWorksOnAThreadWhereGradModeIsOn() throws Exception {
        TrainingOptions o = Tiny.options(1).build();
        BlobData data = new BlobData(8, 1, Tiny.RES, 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Long> nimg = new AtomicReference<>();
        Thread t =
                new Thread(
                        () -> {
                            try (TrainingSession s =
                                    TrainingSession.start(o, IntensityMapping.OFFICIAL_8BIT)) {
                                JniUtils.setGradMode(true);
                                s.step(new BatchSampler(data, 1, false).batch(0, o.batchSize()));
                                nimg.set(s.state().curNimg());
                                assertTrue(
                                        JniUtils.isGradMode(),
                                        "the thread's grad mode is restored");
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
            assertTrue(
                    stats.keySet()
                            .containsAll(
                                    java.util.List.of(
                                            "Loss/G/loss",
                                            "Loss/D/loss",
                                            "Loss/G/reg",
                                            "Loss/D/reg")),
                    stats.toString());
            s.step(new BatchSampler(data, 1, false).batch(4, o.batchSize()));
            assertEquals(8, s.state().curNimg());
            assertEquals(2, s.state().batchIdx());
            assertEquals(3, s.generatorOptimizer().steps(), "Gmain + Greg, then Gmain");
            assertEquals(3, s.discriminatorOptimizer().steps(), "Dmain + Dreg, then Dmain");
        }
    }

    /**
     * ADA (Karras et al. 2020b, Eq. 1): after every 4th minibatch p ← clamp(p + sign(r_t − target)
     * · batch · 4 / (ada_kimg · 1000)), r_t the mean sign of Dmain's real logits over those 4
     * minibatches; in between p stays.
     */
    @Test
    void adaMovesPByTheHeuristicEveryFourMinibatches() {
        double target = 0.2;
        TrainingOptions o =
                Tiny.options(1)
                        .optAugment(AugmentOptions.ada().withTarget(target).withAdaKimg(0.16))
                        .build(); // steps of 0.1
        BlobData data = new BlobData(8, 1, Tiny.RES, 1);
        BatchSampler sampler = new BatchSampler(data, 1, false);
        try (TrainingSession s = TrainingSession.start(o, IntensityMapping.OFFICIAL_8BIT)) {
            double expected = 0, signs = 0;
            int moves = 0;
            for (int i = 0; i < 12; i++) {
                signs +=
                        s.step(sampler.batch(s.state().curNimg(), o.batchSize()))
                                .get(TickReport.REAL_SIGNS);
                if (i % 4 == 3) {
                    double p =
                            Math.max(
                                    0,
                                    Math.min(1, expected + Math.signum(signs / 4 - target) * 0.1));
                    moves += p != expected ? 1 : 0;
                    expected = p;
                    signs = 0;
                }
                assertEquals(expected, s.state().augment().p(), 1e-12, "after minibatch " + i);
            }
            assertTrue(moves > 0, "p moved");
        }
    }

    @Test
    void fixedAndNoAugmentationKeepTheirProbability() {
        BlobData data = new BlobData(8, 1, Tiny.RES, 1);
        for (AugmentOptions a :
                new AugmentOptions[] {AugmentOptions.fixed(0.3), AugmentOptions.none()}) {
            TrainingOptions o = Tiny.options(1).optAugment(a).build();
            try (TrainingSession s = TrainingSession.start(o, IntensityMapping.OFFICIAL_8BIT)) {
                for (int i = 0; i < 4; i++) {
                    s.step(
                            new BatchSampler(data, 1, false)
                                    .batch(s.state().curNimg(), o.batchSize()));
                }
                assertEquals(a.p(), s.state().augment().p(), a.mode().key());
            }
        }
    }
}
