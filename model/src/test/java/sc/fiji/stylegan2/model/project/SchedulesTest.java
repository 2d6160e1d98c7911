package sc.fiji.stylegan2.model.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The learning-rate and w-noise schedules against their formulas (StyleGAN2 appendix D). */
class SchedulesTest {

    private static final LearningRateSchedule LR = LearningRateSchedule.OFFICIAL;
    private static final NoiseStrengthSchedule NOISE = NoiseStrengthSchedule.OFFICIAL;

    @Test
    void learningRateRampsUpLinearlyOverTheFirstFivePercent() {
        assertEquals(0.0, LR.at(0), 1e-12, "the first step does not move w");
        assertEquals(0.1 * 0.2, LR.at(0.01), 1e-12);
        assertEquals(0.1 * 0.5, LR.at(0.025), 1e-12);
        assertEquals(0.1, LR.at(0.05), 1e-12);
    }

    @Test
    void learningRateHoldsItsInitialValueBetweenTheRamps() {
        for (double t : new double[] {0.05, 0.3, 0.5, 0.75}) {
            assertEquals(0.1, LR.at(t), 1e-12, "t = " + t);
        }
    }

    @Test
    void learningRateFallsAlongAHalfCosineOverTheLastQuarter() {
        // 0.5 − 0.5 cos(π (1 − t) / 0.25)
        assertEquals(0.1 * (0.5 - 0.5 * Math.cos(Math.PI * 0.8)), LR.at(0.8), 1e-12);
        assertEquals(0.05, LR.at(0.875), 1e-12, "half-way down the cosine");
        assertEquals(0.1 * (0.5 - 0.5 * Math.cos(Math.PI * 0.004)), LR.at(0.999), 1e-12);
        assertEquals(0.0, LR.at(1.0), 1e-12);
    }

    @Test
    void learningRateOfACustomScheduleFollowsTheSameFormula() {
        LearningRateSchedule s = new LearningRateSchedule(0.2, 0.5, 0.1);
        double t = 0.7;
        double expected =
                0.2
                        * (0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, (1 - t) / 0.5)))
                        * Math.min(1, t / 0.1);
        assertEquals(expected, s.at(t), 1e-12);
        assertEquals(0.2 * 0.5, s.at(0.05), 1e-12);
    }

    @Test
    void wNoiseStartsAtFivePercentOfTheSpreadAndFallsQuadraticallyToZeroAtThreeQuarters() {
        double wStd = 3.0;
        assertEquals(3.0 * 0.05, NOISE.at(0, wStd), 1e-12);
        // max(0, 1 − t/0.75)² at t = 0.375 is 0.25
        assertEquals(3.0 * 0.05 * 0.25, NOISE.at(0.375, wStd), 1e-12);
        assertEquals(3.0 * 0.05 * Math.pow(1 - 0.6 / 0.75, 2), NOISE.at(0.6, wStd), 1e-12);
        assertEquals(0.0, NOISE.at(0.75, wStd), 1e-12);
        assertEquals(0.0, NOISE.at(0.9, wStd), 1e-12, "stays off after the ramp");
    }
}
