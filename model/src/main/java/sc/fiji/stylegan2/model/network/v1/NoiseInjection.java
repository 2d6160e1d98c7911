package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.torch.GlobalRandom;

/**
 * Per-pixel noise B (StyleGAN Sec. 3.2): one single-channel Gaussian map per image, scaled per
 * feature map by a learned factor (starting at 0) and added. Official {@code apply_noise}; the map
 * comes from the options as in StyleGAN2 ({@code const}: the stored {@code noise_const}, {@code
 * random}: fresh, {@code none}, or an explicit map). The layer that owns it registers its tensors
 * (so that {@code <layer>.noise_const} is the map's name, as in StyleGAN2).
 */
final class NoiseInjection {

    private final String layer;
    private final int resolution;
    private final NDArray weight;
    private final NDArray noiseConst;

    /**
     * @param weight the learned per-channel strength {@code [C]}
     * @param noiseConst the stored map {@code [res, res]}
     */
    NoiseInjection(String layer, int resolution, NDArray weight, NDArray noiseConst) {
        this.layer = layer;
        this.resolution = resolution;
        this.weight = weight;
        this.noiseConst = noiseConst;
    }

    /** x {@code [N, C, res, res]} → x + noise · weight, or x when this layer has no noise. */
    NDArray forward(NDArray x, SynthesisOptions opt) {
        NDArray noise = noise(x, opt);
        if (noise == null) {
            return x;
        }
        // x + B·w_c, B [N or 1, 1, H, W], w_c per channel
        return x.add(noise.mul(weight.reshape(1, -1, 1, 1)));
    }

    private NDArray noise(NDArray x, SynthesisOptions opt) {
        if (!opt.noiseEnabled(layer)) {
            return null;
        }
        NDArray explicit = opt.noiseInput(layer);
        if (explicit != null) {
            return explicit.reshape(-1, 1, resolution, resolution);
        }
        NoiseMode mode = opt.noiseMode();
        if (mode == NoiseMode.CONST) {
            return noiseConst.reshape(1, 1, resolution, resolution);
        }
        if (mode == NoiseMode.RANDOM) {
            long n = x.getShape().get(0);
            return GlobalRandom.locked(
                    () -> x.getManager().randomNormal(new Shape(n, 1, resolution, resolution)));
        }
        return null;
    }
}
