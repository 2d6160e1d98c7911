package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * numpy's {@code percentile(..., interpolation='lower' | 'higher')}; the expected values are numpy
 * 2.4's {@code np.percentile(a, q, method=...)} of the same arrays.
 */
class PercentilesTest {

    /** 0..149 shuffled: q/100 · (n − 1) is 1.49 for q = 1 and 147.51 for q = 99. */
    private static double[] shuffled150() {
        double[] a = new double[150];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 47) % 150; // 47 is coprime to 150: a permutation of 0..149
        }
        return a;
    }

    @Test
    void lowerTakesTheSortedValueBelowTheVirtualIndex() {
        assertEquals(1.0, Percentiles.lower(shuffled150(), 1));
        assertEquals(147.0, Percentiles.lower(shuffled150(), 99));
        assertEquals(3.0, Percentiles.lower(new double[] {5, 1, 9, 3, 7}, 30));
    }

    @Test
    void higherTakesTheSortedValueAboveTheVirtualIndex() {
        assertEquals(2.0, Percentiles.higher(shuffled150(), 1));
        assertEquals(148.0, Percentiles.higher(shuffled150(), 99));
        assertEquals(5.0, Percentiles.higher(new double[] {5, 1, 9, 3, 7}, 30));
    }

    @Test
    void theFilterKeepsTheValuesFromThe1stLowerToThe99thHigherPercentile() {
        double[] kept = Percentiles.between1And99(shuffled150());
        Arrays.sort(kept);
        double[] expected = new double[148];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i + 1; // 1..148: only 0 and 149 go
        }
        assertArrayEquals(expected, kept);
    }
}
