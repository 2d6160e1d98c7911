package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.nn.TransposedConv2d;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * A convolution with ProGAN's equalized learning rate (Karras et al. 2018, Sec. 4.1): weights
 * stored N(0, 1) and scaled at run time by {@code gain / sqrt(fan_in)} (gain √2 before a leaky
 * ReLU, 1 before a linear output). Official {@code conv2d} with {@code use_wscale}; no bias (the
 * callers add it where the official code does).
 *
 * <p>It can also double or halve the resolution: nearest-neighbour upscaling then the convolution
 * (official {@code upscale2d_conv2d}), or the convolution then 2×2 averaging ({@code
 * conv2d_downscale2d}). Fused, each is one strided (transposed) convolution with the 4×4 kernel
 * that sums the 3×3 kernel at its four offsets, the same function in fewer operations; the official
 * code fuses from 128 px on.
 */
public final class EqualizedConv2d extends Module {

    /** What the convolution does to the resolution. */
    public enum Resampling {
        NONE,
        UP,
        DOWN
    }

    private final NDArray weight;
    private final double weightGain;
    private final int padding;
    private final Resampling resampling;
    private final boolean fused;

    /**
     * @param gain √2 before a leaky ReLU, 1 before a linear output
     * @param fused for {@code UP}/{@code DOWN}: one strided convolution instead of two steps
     */
    public EqualizedConv2d(
            NDManager manager,
            int inChannels,
            int outChannels,
            int kernel,
            double gain,
            Resampling resampling,
            boolean fused) {
        this.weight = parameter("weight", randn(manager, outChannels, inChannels, kernel, kernel));
        // he_std = gain / sqrt(fan_in)
        this.weightGain = gain / Math.sqrt((double) inChannels * kernel * kernel);
        this.padding = kernel / 2;
        this.resampling = resampling;
        this.fused = fused && resampling != Resampling.NONE;
        if (this.fused && kernel != 3) {
            throw new IllegalArgumentException("fused resampling needs a 3x3 kernel");
        }
    }

    /** {@code [N, I, H, W]} → {@code [N, O, H', W']}, H' = 2H, H or H/2. */
    public NDArray forward(NDArray x) {
        NDArray w = Scalars.mul(weight, weightGain);
        if (fused) {
            return resampling == Resampling.UP ? fusedUp(x, w) : fusedDown(x, w);
        }
        if (resampling == Resampling.UP) {
            x = Resample.upscale(x, 2);
        }
        x = conv(x, w, 1, padding);
        return resampling == Resampling.DOWN ? Resample.downscale(x, 2) : x;
    }

    /**
     * Upscale + 3×3 conv as one stride-2 transposed convolution: the kernel is the 3×3 weights
     * summed at the four offsets of a 2×2 block, flipped for the transposed convolution's
     * orientation; output {@code 2H+2} cropped by one pixel on each side to {@code 2H}.
     */
    private static NDArray fusedUp(NDArray x, NDArray w) {
        NDArray k = fourTapSum(w.flip(2, 3)).transpose(1, 0, 2, 3); // [I, O, 4, 4]
        long[] ks = k.getShape().getShape();
        NDArray y = TransposedConv2d.apply(x, k.reshape(1, ks[0], ks[1], 4, 4));
        return y.get(":, :, 1:-1, 1:-1");
    }

    /** 3×3 conv + 2×2 average as one stride-2 convolution with the 4×4 kernel / 4. */
    private static NDArray fusedDown(NDArray x, NDArray w) {
        return conv(x, Scalars.mul(fourTapSum(w), 0.25), 2, 1);
    }

    /** {@code [O, I, 3, 3]} → {@code [O, I, 4, 4]}: w padded by one, summed at 4 shifts. */
    private static NDArray fourTapSum(NDArray w) {
        NDArray p = w.pad(new Shape(1, 1, 1, 1), 0);
        return p.get(":, :, 1:, 1:")
                .add(p.get(":, :, :-1, 1:"))
                .add(p.get(":, :, 1:, :-1"))
                .add(p.get(":, :, :-1, :-1"));
    }

    private static NDArray conv(NDArray x, NDArray w, int stride, int padding) {
        return Conv2d.conv2d(
                        x,
                        w,
                        null,
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        new Shape(1, 1),
                        1)
                .singletonOrThrow();
    }
}
