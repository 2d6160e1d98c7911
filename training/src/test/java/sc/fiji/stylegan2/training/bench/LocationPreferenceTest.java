package sc.fiji.stylegan2.training.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LocationPreferenceTest {

    @Test
    void mapsThatDifferOnlyInScaleAndOffsetCorrelatePerfectly() {
        float[] base = noise(new Random(1), 256);
        float[][] maps = new float[4][];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = new float[base.length];
            for (int p = 0; p < base.length; p++) {
                maps[i][p] = (i + 1) * base[p] + 3 * i;
            }
        }
        assertEquals(1.0, LocationPreference.meanPairCorrelation(maps), 1e-6);
    }

    @Test
    void independentMapsCorrelateAboutZero() {
        Random r = new Random(2);
        float[][] maps = new float[32][];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = noise(r, 1024);
        }
        // each pair's correlation has standard deviation 1/sqrt(1024); 496 pairs average it down
        assertEquals(0.0, LocationPreference.meanPairCorrelation(maps), 0.01);
    }

    @Test
    void aNegatedMapCountsAsMinusOne() {
        // maps 0 and 1 equal, map 2 their negation: pairs (0,1) = 1, (0,2) = (1,2) = -1, mean -1/3
        float[] a = noise(new Random(3), 64), b = a.clone(), c = new float[a.length];
        for (int p = 0; p < a.length; p++) {
            c[p] = -a[p];
        }
        assertEquals(
                -1.0 / 3, LocationPreference.meanPairCorrelation(new float[][] {a, b, c}), 1e-6);
    }

    @Test
    void detailEnergyOfAFlatImageIsZeroAndOfACheckerboardPositive() {
        int n = 16;
        float[] flat = new float[n * n], checker = new float[n * n];
        java.util.Arrays.fill(flat, 0.7f);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                checker[y * n + x] = (x + y) % 2 == 0 ? 1 : -1;
            }
        }
        float[] flatEnergy = LocationPreference.detailEnergy(flat, n);
        assertEquals((n - 8) * (n - 8), flatEnergy.length, "the 4 px margin is left out");
        for (float e : flatEnergy) {
            assertEquals(0, e, 1e-10);
        }
        for (float e : LocationPreference.detailEnergy(checker, n)) {
            assertTrue(e > 0.5, "a checkerboard is all detail: " + e);
        }
    }

    private static float[] noise(Random r, int size) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }
}
