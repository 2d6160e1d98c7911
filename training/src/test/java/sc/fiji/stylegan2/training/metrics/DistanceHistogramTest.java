package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The common bins of the two distance sets, against counts worked out by hand (numpy's rule). */
class DistanceHistogramTest {

    /**
     * Values 0..4 over 4 bins: edges 0, 1, 2, 3, 4; 1.0 opens bin 1, and 4, the largest, closes the
     * last bin.
     */
    @Test
    void bothSetsAreCountedInCommonHalfOpenBinsWithTheLargestValueInTheLast() {
        DistanceHistogram h =
                DistanceHistogram.of(new double[] {0, 0.5, 1}, new double[] {2.5, 3, 4, 4}, 4);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, h.edges(), 1e-12);
        assertArrayEquals(new int[] {2, 1, 0, 0}, h.generated());
        assertArrayEquals(new int[] {0, 0, 1, 3}, h.real());
    }

    /** numpy: one repeated value v gets the range (v − 0.5, v + 0.5). */
    @Test
    void equalValuesGetAUnitRangeAroundThem() {
        DistanceHistogram h = DistanceHistogram.of(new double[] {2}, new double[] {2}, 2);
        assertArrayEquals(new double[] {1.5, 2, 2.5}, h.edges(), 1e-12);
        assertArrayEquals(new int[] {0, 1}, h.generated());
        assertArrayEquals(new int[] {0, 1}, h.real());
    }

    @Test
    void aDistanceThatIsNotFiniteIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DistanceHistogram.of(new double[] {1}, new double[] {Double.NaN}, 3));
    }
}
