package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import sc.fiji.stylegan2.model.torch.Autocast;

/**
 * 2x upsampling followed by a convolution, computed as four ordinary convolutions at the input
 * resolution, one per output phase, interleaved by a pixel shuffle (the polyphase / sub-pixel form
 * of a strided transposed convolution, Shi et al. 2016).
 *
 * <p>The official code upsamples by a transposed convolution with stride 2 and then filters with
 * the FIR kernel (StyleGAN2 appendix B). Both steps are linear and act on the same output grid, so
 * their combination is one kernel {@code K = gain · (f ⊛ W)} of size {@code L = k + fw - 1} applied
 * as {@code R[p] = Σ_i x[i] K[p + c - 2i]}. Output phase {@code r = p mod 2} only ever meets the
 * taps {@code K[2d + r + c]}, so each phase is an ordinary correlation of x with every other tap of
 * K. Used where the combined kernel is small: the FIR upsampling of the image in the skip
 * architecture (a 1x1 identity W) and {@link Conv2dResample}'s upsampling; the synthesis layers'
 * 3x3 upsampling runs the official transposed convolution itself ({@link TransposedConv2d}), which
 * needs fewer multiply-adds there, except in the path-length phase ({@link
 * ModconvStrategy#UNFUSED_POLYPHASE}), whose second-order gradient runs faster through these
 * ordinary convolutions than through the depthwise FIR filter.
 *
 * <p>Deviation: the official code runs the transposed convolution and the FIR filter as two ops;
 * the sums here are the same up to float rounding (checked against the official outputs in the
 * tests).
 */
public final class PolyphaseUpsample {

    private PolyphaseUpsample() {}

    /**
     * Phase kernels of the combined kernel {@code K [O, I, L, L]} with offset {@code c}: returns
     * {@code [O, 4, I, Lp, Lp]} with phase index {@code 2·ry + rx}, each to be applied as a
     * correlation with symmetric padding {@link #padding(int, int)}.
     */
    public static NDArray phases(NDArray k, int c) {
        int len = (int) k.getShape().get(3);
        int dMax = dMax(len, c);
        int lp = dMax - dMin(c) + 1;
        // Flip so the taps of each phase run forwards, and pad with zeros for taps that fall
        // outside K.
        NDArray kf = k.flip(2, 3);
        kf = kf.pad(new Shape(2, 2, 2, 2), 0);
        NDList phases = new NDList(4);
        for (int ry = 0; ry < 2; ry++) {
            for (int rx = 0; rx < 2; rx++) {
                int sy = len - 1 - (2 * dMax + ry + c) + 2;
                int sx = len - 1 - (2 * dMax + rx + c) + 2;
                phases.add(
                        kf.get(
                                new NDIndex(
                                        "..., {}:{}:2, {}:{}:2",
                                        sy,
                                        sy + 2 * lp - 1,
                                        sx,
                                        sx + 2 * lp - 1)));
            }
        }
        return NDArrays.stack(phases, 1);
    }

    /** The symmetric padding of the phase correlations. */
    public static int padding(int len, int c) {
        int dMax = dMax(len, c);
        if (dMax != -dMin(c)) {
            throw new IllegalArgumentException(
                    "asymmetric polyphase padding for L=" + len + ", c=" + c);
        }
        return dMax;
    }

    private static int dMax(int len, int c) {
        return Math.max(Math.floorDiv(len - 1 - c, 2), Math.floorDiv(len - 2 - c, 2));
    }

    private static int dMin(int c) {
        return Math.min(-Math.floorDiv(c, 2), -Math.floorDiv(c + 1, 2));
    }

    /**
     * The combined kernel {@code gain · (f ⊛ w)} (full 2-D convolution over the last two axes) of a
     * weight {@code [O, I, k, k]} and an FIR filter {@code [fh, fw]}: {@code [O, I, k+fh-1,
     * k+fw-1]}.
     */
    public static NDArray combine(NDArray w, NDArray f, double gain) {
        long[] s = w.getShape().getShape();
        long fh = f.getShape().get(0), fw = f.getShape().get(1);
        NDArray img = w.reshape(s[0] * s[1], 1, s[2], s[3]);
        // A full convolution is a correlation with the flipped filter over the input padded by (f -
        // 1).
        NDArray kernel = f.mul(gain).flip(0, 1).reshape(1, 1, fh, fw);
        NDArray k =
                Conv2d.conv2d(
                                img,
                                kernel,
                                null,
                                new Shape(1, 1),
                                new Shape(fh - 1, fw - 1),
                                new Shape(1, 1),
                                1)
                        .singletonOrThrow();
        return k.reshape(s[0], s[1], s[2] + fh - 1, s[3] + fw - 1);
    }

    /**
     * Upsamples x by 2 and convolves it with {@code w [O, I/groups, k, k]} and the FIR filter: the
     * official transposed-convolution path of {@code conv2d_resample} with left padding {@code p0}
     * before the FIR filter (so {@code c = fw - 1 - p0}).
     *
     * @param flipWeight as the official {@code flip_weight} of the transposed convolution: flip W
     *     first
     */
    public static NDArray upsampleConv(
            NDArray x, NDArray w, NDArray f, double gain, int p0, int groups, boolean flipWeight) {
        return apply(x, phaseWeight(w, f, gain, p0, flipWeight), phasePadding(w, f, p0), groups);
    }

    /**
     * The phase weights {@code [O·4, I, Lp, Lp]} of {@link #upsampleConv}. Every phase tap is a
     * fixed linear combination of the k×k taps of W, so the phases of the k² unit kernels form a
     * basis {@code [k², 4·Lp²]}, and the phases of W are one small matrix product {@code W[O·I, k²]
     * · basis} instead of a filtering of every (o, i) kernel.
     */
    public static NDArray phaseWeight(
            NDArray w, NDArray f, double gain, int p0, boolean flipWeight) {
        long[] s = w.getShape().getShape();
        long o = s[0], i = s[1], k = s[2];
        NDArray basis =
                phasesOfUnitKernels(
                        w.getManager(), (int) k, f, gain, p0, flipWeight); // [k², 4·Lp²]
        long lp = (long) Math.sqrt(basis.getShape().get(1) / 4);
        return w.reshape(o * i, k * k)
                .matMul(basis) // [O·I, 4·Lp²]
                .reshape(o, i, 4, lp, lp)
                .transpose(0, 2, 1, 3, 4)
                .reshape(o * 4, i, lp, lp);
    }

    /** The phases of the k² unit kernels, {@code [k², 4·Lp²]}, by the direct construction. */
    static NDArray phasesOfUnitKernels(
            NDManager manager, int k, NDArray f, double gain, int p0, boolean flipWeight) {
        NDArray unit = manager.eye(k * k).reshape(k * k, 1, k, k);
        int c = (int) f.getShape().get(1) - 1 - p0;
        NDArray kernels = combine(flipWeight ? unit.flip(2, 3) : unit, f, gain);
        NDArray ph = phases(kernels, c); // [k², 4, 1, Lp, Lp]
        return ph.reshape(k * k, -1);
    }

    /** The padding of the phase correlations of {@link #upsampleConv}. */
    public static int phasePadding(NDArray w, NDArray f, int p0) {
        int len = (int) (w.getShape().get(3) + f.getShape().get(1) - 1);
        return padding(len, (int) f.getShape().get(1) - 1 - p0);
    }

    /**
     * Runs phase weights {@code [O·4, I/groups, Lp, Lp]} (phase fastest) over x {@code [N, I, H,
     * W]} and interleaves the phases: {@code [N, O, 2H, 2W]}.
     */
    public static NDArray apply(NDArray x, NDArray phaseWeight, int padding, int groups) {
        if (Autocast.active()) {
            return pixelShuffle(Bf16Conv.conv2d(x, phaseWeight, 1, padding, groups));
        }
        NDArray y =
                Conv2d.conv2d(
                                x,
                                phaseWeight,
                                null,
                                new Shape(1, 1),
                                new Shape(padding, padding),
                                new Shape(1, 1),
                                groups)
                        .singletonOrThrow();
        return pixelShuffle(y);
    }

    /** {@code [N, O·4, H, W]} with phase {@code 2·ry + rx} fastest → {@code [N, O, 2H, 2W]}. */
    public static NDArray pixelShuffle(NDArray y) {
        long[] s = y.getShape().getShape();
        long n = s[0], o = s[1] / 4, h = s[2], w = s[3];
        return y.reshape(n, o, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, o, 2 * h, 2 * w);
    }
}
