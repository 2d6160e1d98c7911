package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.stylegan2.model.nn.Upfirdn2d;

/**
 * The resampling of the original StyleGAN and ProGAN: nearest-neighbour upscaling, box-average
 * downscaling (official {@code upscale2d}, {@code downscale2d}) and the [1,2,1] binomial blur that
 * StyleGAN adds after each upsampling and before each downsampling convolution (Sec. 2, after Zhang
 * 2019; official {@code blur2d}, normalised to sum 1, zero padding).
 */
public final class Resample {

    /** The taps of the separable blur, {@code [1, 2, 1]}. */
    public static final float[] BLUR_TAPS = {1, 2, 1};

    private Resample() {}

    /** The normalised 3×3 blur kernel {@code outer([1,2,1], [1,2,1]) / 16}. */
    public static NDArray blurFilter(NDManager manager) {
        return Upfirdn2d.setupFilter(manager, BLUR_TAPS);
    }

    /** {@code [N, C, H, W]} blurred by the 3×3 filter f, same size (one pixel of zero padding). */
    public static NDArray blur(NDArray x, NDArray f) {
        return Upfirdn2d.upfirdn2d(x, f, 1, 1, new int[] {1, 1, 1, 1}, 1, false);
    }

    /** {@code [N, C, H, W]} → {@code [N, C, H·factor, W·factor]}, each pixel repeated. */
    public static NDArray upscale(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        return x.repeat(2, factor).repeat(3, factor);
    }

    /** {@code [N, C, H, W]} → {@code [N, C, H/factor, W/factor]}, the mean of each block. */
    public static NDArray downscale(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], s[2] / factor, factor, s[3] / factor, factor)
                .mean(new int[] {5})
                .mean(new int[] {3});
    }
}
