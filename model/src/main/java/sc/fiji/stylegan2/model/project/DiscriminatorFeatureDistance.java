package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.network.DiscriminatorNetwork;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * The built-in offline perceptual distance: LPIPS's recipe (Zhang et al. 2018, Eq. 1) applied to
 * the multi-scale features of the model's own discriminator, plus pixel MSE. For the outputs f_l of
 * the discriminator blocks b{res} … b8, each unit-normalised over channels at every pixel (f̂ = f /
 * ||f||_c),
 *
 * <pre>
 *   d = mean_l mean_{y,x} Σ_c (f̂_l(x) − f̂_l(t))²  +  mean_{c,y,x} (x − t)²
 * </pre>
 *
 * Deviation: the official projector uses LPIPS on VGG16 features (a 528 MB download,
 * ImageNet-trained, RGB only). The discriminator was trained on the model's own data, has its
 * channel count, and works offline; LPIPS's learned per-channel weights are replaced by equal
 * weights, and the layers are averaged, so d is on LPIPS's scale (each layer term lies in [0, 4]).
 * The pixel term anchors colours and intensities, which normalised features ignore. Use {@link
 * TorchScriptFeatureDistance} for LPIPS itself.
 */
final class DiscriminatorFeatureDistance implements ImageDistance {

    /** LPIPS's epsilon in the channel normalisation. */
    private static final float EPS = 1e-10f;

    private final DiscriminatorNetwork discriminator;
    private final NDManager manager;
    private final List<NDArray> targetFeatures = new ArrayList<>();
    private final PixelDistance pixels;

    /**
     * @param targets {@code [N, C, res, res]}, owned by the caller
     */
    DiscriminatorFeatureDistance(DiscriminatorNetwork discriminator, NDArray targets) {
        this.discriminator = discriminator;
        this.manager = targets.getManager().newSubManager();
        try (NDScope scope = new NDScope()) {
            for (NDArray f : discriminator.blockOutputs(targets)) {
                NDArray n = normalize(f);
                NDScope.unregister(n);
                n.attach(manager);
                targetFeatures.add(n);
            }
        }
        this.pixels = new PixelDistance(targets);
    }

    /** f / sqrt(Σ_c f² + ε), per pixel. */
    private static NDArray normalize(NDArray f) {
        return f.div(f.square().sum(new int[] {1}, true).add(EPS).sqrt());
    }

    @Override
    public NDArray distance(NDArray images) {
        List<NDArray> features = discriminator.blockOutputs(images);
        NDArray sum = null;
        for (int l = 0; l < features.size(); l++) {
            // mean_{y,x} Σ_c (f̂(x) − f̂(t))²
            NDArray d =
                    NoiseRegularization.meanPerImage(
                            normalize(features.get(l))
                                    .sub(targetFeatures.get(l))
                                    .square()
                                    .sum(new int[] {1}));
            sum = sum == null ? d : sum.add(d);
        }
        NDArray pixel = pixels.distance(images);
        return sum == null ? pixel : Scalars.div(sum, features.size()).add(pixel);
    }

    @Override
    public void close() {
        manager.close();
    }
}
