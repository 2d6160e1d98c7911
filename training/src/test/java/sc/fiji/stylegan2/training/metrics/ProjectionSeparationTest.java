package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The summary of generated vs real projection distances, against values worked out by hand. */
class ProjectionSeparationTest {

    /**
     * Generated 1..20 (median 10.5, mean 10.5, max 20; 95th percentile 'higher': index ⌈0.95 · 19⌉
     * = 19, the value 20); real 5, 15, 19.5, 21, 30, 40 (median (19.5 + 21)/2 = 20.25, mean 130.5/6
     * = 21.75); 3 of the 6 real lie above 20.
     */
    @Test
    void mediansMeansAndTheFractionOfRealBeyondTheGeneratedMaximum() {
        double[] generated = new double[20];
        for (int i = 0; i < 20; i++) {
            generated[i] = i + 1;
        }
        double[] real = {40, 5, 21, 15, 30, 19.5};
        ProjectionSeparation s = ProjectionSeparation.of(generated, real);
        assertEquals(10.5, s.generatedMedian(), 1e-12);
        assertEquals(10.5, s.generatedMean(), 1e-12);
        assertEquals(20.25, s.realMedian(), 1e-12);
        assertEquals(21.75, s.realMean(), 1e-12);
        assertEquals(0.5, s.realBeyondGeneratedMax(), 1e-12);
    }

    /**
     * Generated 1..10: the 95th percentile 'higher' is index ⌈0.95 · 9⌉ = 9, the value 10 (numpy
     * percentile(range(1, 11), 95, interpolation='higher') = 10); of 8, 9.5, 10, 11 one lies above.
     * Generated 1..40: index ⌈0.95 · 39⌉ = 38, the value 39 (below the maximum 40); of 8, 39, 39.5,
     * 41 two lie above.
     */
    @Test
    void theFractionOfRealBeyondTheGenerated95thPercentile() {
        assertEquals(
                0.25,
                ProjectionSeparation.of(range(10), new double[] {8, 9.5, 10, 11})
                        .realBeyondGenerated95(),
                1e-12);
        assertEquals(
                0.5,
                ProjectionSeparation.of(range(40), new double[] {8, 39, 39.5, 41})
                        .realBeyondGenerated95(),
                1e-12);
    }

    private static double[] range(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return v;
    }
}
