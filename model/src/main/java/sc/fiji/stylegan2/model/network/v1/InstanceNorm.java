package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;

/**
 * Instance normalisation (Ulyanov et al. 2016) as StyleGAN (Sec. 2, Eq. 1) uses it before AdaIN:
 * each feature map of each image is shifted to mean 0 and scaled to unit RMS over its pixels.
 * Official {@code instance_norm}, ε = 1e-8.
 */
public final class InstanceNorm {

    static final float EPSILON = 1e-8f;

    private InstanceNorm() {}

    /** {@code [N, C, H, W]} → the same shape, each {@code [n, c]} map normalised. */
    public static NDArray apply(NDArray x) {
        // x ← x − μ(x)
        NDArray centred = x.sub(pixelMean(x));
        // x ← x / sqrt(mean(x²) + ε)
        NDArray rms = pixelMean(centred.square()).add(EPSILON).sqrt();
        return centred.div(rms);
    }

    /** The mean over H and W, kept as {@code [N, C, 1, 1]} (the engine reduces one axis a call). */
    static NDArray pixelMean(NDArray x) {
        return x.mean(new int[] {3}, true).mean(new int[] {2}, true);
    }
}
