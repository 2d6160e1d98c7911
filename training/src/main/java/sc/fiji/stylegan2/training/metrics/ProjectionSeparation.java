package sc.fiji.stylegan2.training.metrics;

/**
 * How far apart the projection distances of generated and of real images lie: the paper's
 * image-forensics reading of StyleGAN2 Fig. 10, where a generated image projects almost exactly
 * back and a real one does not. Besides the median and mean of each set, the fraction of real
 * images farther than every generated one (1: the largest generated distance is a threshold that
 * tells every real image from every generated one) and farther than the 95th percentile of the
 * generated distances (numpy {@code percentile(..., 95, interpolation='higher')}, {@link
 * Percentiles#higher}: a threshold that 5% of the generated images may pass).
 *
 * @param generatedMedian median of the generated images' distances
 * @param generatedMean mean of the generated images' distances
 * @param realMedian median of the real images' distances
 * @param realMean mean of the real images' distances
 * @param realBeyondGeneratedMax fraction of real distances above the largest generated one
 * @param realBeyondGenerated95 fraction of real distances above the generated 95th percentile
 */
public record ProjectionSeparation(
        double generatedMedian,
        double generatedMean,
        double realMedian,
        double realMean,
        double realBeyondGeneratedMax,
        double realBeyondGenerated95) {

    /**
     * The separation of two non-empty sets of distances.
     *
     * @throws IllegalArgumentException when a set is empty
     */
    public static ProjectionSeparation of(double[] generated, double[] real) {
        if (generated.length == 0 || real.length == 0) {
            throw new IllegalArgumentException(
                    "need generated and real distances, got "
                            + generated.length
                            + " and "
                            + real.length);
        }
        return new ProjectionSeparation(
                median(generated),
                mean(generated),
                median(real),
                mean(real),
                fractionAbove(real, Percentiles.higher(generated, 100)),
                fractionAbove(real, Percentiles.higher(generated, 95)));
    }

    /** The middle value, or the mean of the two middle values of an even count (numpy median). */
    public static double median(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The arithmetic mean. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The fraction of {@code values} strictly above {@code threshold}. */
    public static double fractionAbove(double[] values, double threshold) {
        int above = 0;
        for (double v : values) {
            if (v > threshold) {
                above++;
            }
        }
        return (double) above / values.length;
    }
}
