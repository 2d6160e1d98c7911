package sc.fiji.stylegan2.training.metrics;

/**
 * The perceptual distance of the path length metric (StyleGAN, Karras et al. 2019, Sec. 4.1) and of
 * the projection distances (StyleGAN2 Sec. 5, Fig. 10): images prepared as the official PPL ({@link
 * PerceptualPathLength#measured}: optional centre crop, box filter to 256 px at most, the input
 * range of the feature network), then the squared distance of their features
 *
 * <pre>  d = Σ_k (f(x₀)_k − f(x₁)_k)²</pre>
 *
 * which is the LPIPS distance when f is the NVlabs VGG16 LPIPS network.
 */
public final class PerceptualDistance {

    private final FeatureExtractor features;
    private final PerceptualPathLength.Input input;

    /**
     * @param features the perceptual feature network f
     * @param input how images are given to it
     */
    public PerceptualDistance(FeatureExtractor features, PerceptualPathLength.Input input) {
        this.features = features;
        this.input = input;
    }

    /**
     * The distances of {@code pairs} image pairs given as one batch {@code [x₀ of every pair; x₁ of
     * every pair]}: {@code 2·pairs} images {@code [C, resolution, resolution]}, about [-1, 1].
     *
     * @param crop the official centre crop first
     * @return {@code d_i} between image {@code i} and image {@code pairs + i}
     */
    public double[] pairs(float[] images, int pairs, int channels, int resolution, boolean crop) {
        PerceptualPathLength.Measured m =
                PerceptualPathLength.measured(images, 2 * pairs, channels, resolution, crop, input);
        float[] f = features.features(m.images(), 2 * pairs, channels, m.side());
        int dim = f.length / (2 * pairs);
        double[] d = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                double diff = f[i * dim + k] - f[(pairs + i) * dim + k];
                s += diff * diff;
            }
            // d = Σ_k (f(x₀)_k − f(x₁)_k)²
            d[i] = s;
        }
        return d;
    }
}
