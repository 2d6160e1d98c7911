package sc.fiji.stylegan2.training.metrics;

/**
 * Maps images to feature vectors for Fréchet distance and KID (Heusel et al. 2017; Bińkowski et al.
 * 2018): a TorchScript network the user gives (e.g. Inception for standard FID) or the built-in
 * offline one.
 */
public interface FeatureExtractor extends AutoCloseable {

    /** Length of one feature vector. */
    int dimension();

    /**
     * Features of {@code count} images in [-1, 1], NCHW C-order, with the given channels and
     * resolution; returns {@code count * dimension()} values.
     */
    float[] features(float[] images, int count, int channels, int resolution);

    @Override
    void close();
}
