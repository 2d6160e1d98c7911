package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PeakAgreementTest {

    private static final int C = 64, H = 16, W = 16;

    /** Gaussian noise of scale 1 in C channels of H x W, seeded. */
    private static float[] noise(long seed) {
        Random random = new Random(seed);
        float[] a = new float[C * H * W];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    @Test
    void aSpikePlantedInEveryChannelAtOneLocationGivesFractionOneThere() {
        float[] a = noise(1);
        for (int c = 0; c < C; c++) {
            a[c * H * W + 5 * W + 9] = -100; // row 5, column 9; the sign does not matter
        }
        PeakAgreement p = PeakAgreement.of(a, new long[] {1, C, H, W});
        assertEquals(1.0, p.fraction(), 1e-12);
        // the first window in row-major order holding all peaks: centred one up and left
        assertEquals(8, p.x());
        assertEquals(4, p.y());
    }

    @Test
    void peaksOnePixelApartStillAgree() {
        float[] a = noise(2);
        for (int c = 0; c < C; c++) {
            int dx = c % 2; // half the channels peak at (9, 5), half at (10, 5)
            a[c * H * W + 5 * W + 9 + dx] = 100;
        }
        assertEquals(1.0, PeakAgreement.of(a, new long[] {1, C, H, W}).fraction(), 1e-12);
    }

    @Test
    void independentNoiseGivesAFractionNearChance() {
        PeakAgreement p = PeakAgreement.of(noise(3), new long[] {1, C, H, W});
        // chance: a 3x3 window holds about 9 / 256 of uniformly spread peaks
        assertTrue(p.fraction() < 0.2, "fraction " + p.fraction());
    }

    @Test
    void aSpikeInHalfTheChannelsGivesOneHalf() {
        float[] a = noise(4);
        for (int c = 0; c < C / 2; c++) {
            a[c * H * W + 2 * W + 2] = 100;
        }
        double f = PeakAgreement.of(a, new long[] {1, C, H, W}).fraction();
        // the 32 planted peaks plus the noise peaks that happen to fall in the same window
        assertTrue(f >= 0.5 && f < 0.7, "fraction " + f);
    }
}
