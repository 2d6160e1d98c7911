package sc.fiji.stylegan2.training.metrics;

/**
 * Two sets of distances counted in common bins, as StyleGAN2 Fig. 10 draws the projection distances
 * of generated and real images over one axis. The bins are numpy's {@code histogram(values, bins,
 * range=(min, max))} of both sets together: {@code bins} equal bins from the smallest to the
 * largest value, each half-open {@code [e_i, e_{i+1})} except the last, which holds the largest
 * value too; when every value is the same, numpy's range {@code (v − 0.5, v + 0.5)}.
 *
 * @param edges {@code bins + 1} bin edges, ascending
 * @param generated per bin, the generated images' distances in it
 * @param real per bin, the real images' distances in it
 */
public record DistanceHistogram(double[] edges, int[] generated, int[] real) {

    /**
     * Counts both sets in {@code bins} common bins.
     *
     * @throws IllegalArgumentException when {@code bins < 1}, both sets are empty, or a value is
     *     not finite
     */
    public static DistanceHistogram of(double[] generated, double[] real, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        if (generated.length + real.length == 0) {
            throw new IllegalArgumentException("no distances to count");
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] set : new double[][] {generated, real}) {
            for (double v : set) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("distance " + v + " is not finite");
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            // e_i = lo + i · (hi − lo) / bins
            edges[i] = lo + i * (hi - lo) / bins;
        }
        return new DistanceHistogram(
                edges, counts(generated, lo, hi, bins), counts(real, lo, hi, bins));
    }

    /** Number of bins. */
    public int bins() {
        return edges.length - 1;
    }

    private static int[] counts(double[] values, double lo, double hi, int bins) {
        int[] c = new int[bins];
        for (double v : values) {
            // bin ⌊(v − lo) / (hi − lo) · bins⌋, the largest value in the last bin
            int i = (int) Math.floor((v - lo) / (hi - lo) * bins);
            c[Math.min(bins - 1, i)]++;
        }
        return c;
    }
}
