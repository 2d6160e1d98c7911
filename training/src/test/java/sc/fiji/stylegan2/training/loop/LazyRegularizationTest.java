package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.loss.LossPhase;

class LazyRegularizationTest {

    @Test
    void mbRatioCorrectsLearningRateAndBetas() {
        LazyRegularization d = new LazyRegularization(16);
        assertEquals(16 / 17.0, d.mbRatio(), 1e-15);
        assertEquals(0.0025 * 16 / 17, d.learningRate(0.0025), 1e-15);
        assertEquals(Math.pow(0.99, 16 / 17.0), d.beta(0.99), 1e-15);
        assertEquals(0, d.beta(0), "β1 = 0 stays 0");
        LazyRegularization g = new LazyRegularization(4);
        assertEquals(0.002, g.learningRate(0.0025), 1e-15);
        assertEquals(4, g.gain());
    }

    @Test
    void regularizesOnTheFirstMinibatchThenEveryInterval() {
        LazyRegularization r = new LazyRegularization(16);
        List<Long> at = new ArrayList<>();
        for (long i = 0; i < 50; i++) {
            if (r.regularizesAt(i)) {
                at.add(i);
            }
        }
        assertEquals(List.of(0L, 16L, 32L, 48L), at);
    }

    @Test
    void sessionRunsThePhasesOnTheOfficialSchedule() {
        try (TrainingSession s =
                TrainingSession.start(Tiny.options(1).build(), IntensityMapping.OFFICIAL_8BIT)) {
            assertEquals(
                    List.of(LossPhase.GMAIN, LossPhase.GREG, LossPhase.DMAIN, LossPhase.DREG),
                    s.phasesAt(0));
            assertEquals(List.of(LossPhase.GMAIN, LossPhase.DMAIN), s.phasesAt(1));
            assertEquals(List.of(LossPhase.GMAIN, LossPhase.GREG, LossPhase.DMAIN), s.phasesAt(4));
            assertEquals(
                    List.of(LossPhase.GMAIN, LossPhase.GREG, LossPhase.DMAIN, LossPhase.DREG),
                    s.phasesAt(32));
            long gReg = 0, dReg = 0;
            for (long i = 0; i < 64; i++) {
                gReg += s.phasesAt(i).contains(LossPhase.GREG) ? 1 : 0;
                dReg += s.phasesAt(i).contains(LossPhase.DREG) ? 1 : 0;
            }
            assertEquals(16, gReg);
            assertEquals(4, dReg);
        }
    }

    @Test
    void sessionOptimizersUseTheCorrectedLearningRates() {
        try (TrainingSession s =
                TrainingSession.start(Tiny.options(1).build(), IntensityMapping.OFFICIAL_8BIT)) {
            assertEquals(0.0025 * 4 / 5, s.generatorOptimizer().learningRate(), 1e-12);
            assertEquals(0.0025 * 16 / 17, s.discriminatorOptimizer().learningRate(), 1e-12);
        }
    }

    @Test
    void disabledPathLengthSkipsTheGeneratorRegularization() {
        try (TrainingSession s =
                TrainingSession.start(
                        Tiny.options(1).optPlWeight(0).build(), IntensityMapping.OFFICIAL_8BIT)) {
            assertFalse(s.phasesAt(0).contains(LossPhase.GREG));
            assertTrue(s.phasesAt(0).contains(LossPhase.DREG));
        }
    }
}
