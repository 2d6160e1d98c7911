package sc.fiji.stylegan2.training.metrics;

/**
 * Mean and covariance of a set of feature vectors, in double precision: the Gaussian the Fréchet
 * distance compares (Heusel et al. 2017, Eq. 6). The covariance is the unbiased one ({@code n −
 * 1}), as the official {@code np.cov(features, rowvar=False)}.
 *
 * @param count number of vectors
 * @param mean μ, length d
 * @param covariance Σ, d x d
 */
public record FeatureStatistics(int count, double[] mean, double[][] covariance) {

    /** Statistics of {@code count} vectors of length {@code dim}, row-major in {@code features}. */
    public static FeatureStatistics of(float[] features, int count, int dim) {
        if (count < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 feature vectors for a covariance, got " + count);
        }
        if (features.length != (long) count * dim) {
            throw new IllegalArgumentException(
                    "expected " + (long) count * dim + " values, got " + features.length);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += features[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= count;
        }
        // Σ = Σ_i (x_i − μ)(x_i − μ)ᵀ / (n − 1), lower triangle accumulated, then mirrored.
        double[][] cov = new double[dim][dim];
        double[] centred = new double[dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                centred[j] = features[i * dim + j] - mean[j];
            }
            for (int a = 0; a < dim; a++) {
                double ca = centred[a];
                double[] row = cov[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= count - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new FeatureStatistics(count, mean, cov);
    }

    /** Length of the feature vectors. */
    public int dimension() {
        return mean.length;
    }
}
