package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * FIR resampling: upsample by zero insertion, pad, filter with a 2-D FIR kernel, downsample by
 * striding (the official {@code upfirdn2d}). StyleGAN2 (Karras et al. 2020, Sec. 2 and appendix B)
 * resamples with the separable binomial filter [1,3,3,1] to avoid aliasing, following "Making
 * Convolutional Networks Shift-Invariant Again" (Zhang 2019).
 *
 * <p>Conventions of the official code: the filter is normalised to sum 1, its gain is applied as
 * {@code f * gain^(f.ndim / 2)}, and it is flipped before the correlation unless {@code flipFilter}
 * (so the operation is a true convolution). Padding is {@code [x0, x1, y0, y1]}; negative values
 * crop.
 */
public final class Upfirdn2d {

    private Upfirdn2d() {}

    /** The normalised 2-D filter {@code outer(k, k) / sum}, e.g. for k = [1,3,3,1]. */
    public static NDArray setupFilter(NDManager manager, float[] taps) {
        int n = taps.length;
        float[] f = new float[n * n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = taps[i] * taps[j];
                sum += f[i * n + j];
            }
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (f[i] / sum);
        }
        return manager.create(f, new Shape(n, n));
    }

    /**
     * The general operation: {@code x [N,C,H,W]} upsampled by {@code up}, padded by {@code pad},
     * filtered by {@code f [fh,fw]}, downsampled by {@code down}.
     */
    public static NDArray upfirdn2d(
            NDArray x, NDArray f, int up, int down, int[] pad, double gain, boolean flipFilter) {
        long[] s = x.getShape().getShape();
        long n = s[0], c = s[1], h = s[2], w = s[3];
        if (up > 1) {
            // [N,C,H,1,W,1] padded with zeros to [N,C,H,up,W,up]: zero insertion.
            x =
                    x.reshape(n, c, h, 1, w, 1)
                            .pad(new Shape(0, up - 1, 0, 0, 0, up - 1), 0)
                            .reshape(n, c, h * up, w * up);
        }
        NDArray kernel =
                WeightCache.derived(
                        f,
                        "depthwise " + c + " gain " + gain + (flipFilter ? " flipped" : ""),
                        g -> depthwiseKernel(g, c, gain, flipFilter));
        Shape convPadding = new Shape(0, 0);
        if (pad[0] == pad[1] && pad[2] == pad[3] && pad[0] >= 0 && pad[2] >= 0) {
            // Symmetric zero padding is the convolution's own: no padded copy (and no pad in the
            // backward).
            convPadding = new Shape(pad[2], pad[0]);
        } else {
            x = padOrCrop(x, pad);
        }
        return Conv2d.conv2d(
                        x,
                        kernel,
                        null,
                        new Shape(down, down),
                        convPadding,
                        new Shape(1, 1),
                        (int) c)
                .singletonOrThrow();
    }

    /**
     * 2x upsampling with the FIR filter (official {@code upsample2d}: padding {@code (fw+1)/2}
     * before, {@code (fw-2)/2} after, gain 4 to keep the mean), computed per output phase by {@link
     * PolyphaseUpsample} as a depthwise convolution without materialising the inserted zeros.
     */
    public static NDArray upsample2d(NDArray x, NDArray f) {
        long c = x.getShape().get(1);
        long fw = f.getShape().get(1);
        NDArray identity = x.getManager().ones(new Shape(c, 1, 1, 1));
        int p0 = (int) (fw + 1) / 2;
        NDArray phases =
                WeightCache.derived(
                        f,
                        "upsample2d phases " + c,
                        g -> PolyphaseUpsample.phaseWeight(identity, g, 4, p0, false));
        return PolyphaseUpsample.apply(
                x, phases, PolyphaseUpsample.phasePadding(identity, f, p0), (int) c);
    }

    /** 2x downsampling with the FIR filter (official {@code downsample2d}). */
    public static NDArray downsample2d(NDArray x, NDArray f) {
        int fw = (int) f.getShape().get(1);
        int p0 = (fw - 2 + 1) / 2;
        int p1 = (fw - 2) / 2;
        return upfirdn2d(x, f, 1, 2, new int[] {p0, p1, p0, p1}, 1, false);
    }

    /** Pads (positive) or crops (negative) {@code [x0, x1, y0, y1]} on the last two axes. */
    static NDArray padOrCrop(NDArray x, int[] pad) {
        if (pad[0] > 0 || pad[1] > 0 || pad[2] > 0 || pad[3] > 0) {
            x =
                    x.pad(
                            new Shape(
                                    Math.max(pad[0], 0),
                                    Math.max(pad[1], 0),
                                    Math.max(pad[2], 0),
                                    Math.max(pad[3], 0)),
                            0);
        }
        if (pad[0] < 0 || pad[1] < 0 || pad[2] < 0 || pad[3] < 0) {
            long h = x.getShape().get(2), w = x.getShape().get(3);
            x =
                    x.get(
                            new NDIndex(
                                    ":, :, {}:{}, {}:{}",
                                    Math.max(-pad[2], 0),
                                    h - Math.max(-pad[3], 0),
                                    Math.max(-pad[0], 0),
                                    w - Math.max(-pad[1], 0)));
        }
        return x;
    }

    /**
     * The filter as a depthwise conv weight {@code [C,1,fh,fw]} with the official gain convention
     * ({@code gain^(ndim/2)} = gain for a 2-D filter), flipped unless {@code flipFilter}, so that
     * PyTorch's correlation computes the true convolution of the official {@code upfirdn2d}.
     */
    static NDArray depthwiseKernel(NDArray f, long channels, double gain, boolean flipFilter) {
        NDArray k = gain == 1 ? f : f.mul(gain);
        if (!flipFilter) {
            k = k.flip(0, 1);
        }
        long fh = f.getShape().get(0), fw = f.getShape().get(1);
        return k.reshape(1, 1, fh, fw).repeat(0, channels);
    }
}
