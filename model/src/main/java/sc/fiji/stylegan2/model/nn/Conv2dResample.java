package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.Owned;

/**
 * A 2-D convolution combined with FIR up- or downsampling (official {@code conv2d_resample}): the
 * resampling filter is applied where it is cheapest, with the same padding arithmetic as the
 * official code so results agree to rounding.
 *
 * <ul>
 *   <li>up: transposed convolution with stride 2, then the FIR filter (gain up²);
 *   <li>down: the FIR filter, then a convolution with stride 2;
 *   <li>neither: a plain convolution with symmetric padding.
 * </ul>
 */
public final class Conv2dResample {

    private Conv2dResample() {}

    /**
     * @param x input {@code [N, C_in, H, W]}
     * @param w weight {@code [C_out, C_in / groups, kh, kw]}
     * @param f FIR filter {@code [fh, fw]} (needed when up or down > 1)
     * @param flipWeight true for correlation (PyTorch's conv2d), false for true convolution
     */
    public static NDArray apply(
            NDArray x,
            NDArray w,
            NDArray f,
            int up,
            int down,
            int padding,
            int groups,
            boolean flipWeight) {
        return apply(x, w, null, f, up, down, padding, groups, flipWeight);
    }

    /**
     * As {@link #apply(NDArray, NDArray, NDArray, int, int, int, int, boolean)}, plus a bias {@code
     * b [C_out]} (or null) added to the result: by the convolution itself when it is the last op
     * (no upsampling), which saves a pass over the output.
     */
    public static NDArray apply(
            NDArray x,
            NDArray w,
            NDArray b,
            NDArray f,
            int up,
            int down,
            int padding,
            int groups,
            boolean flipWeight) {
        long[] ws = w.getShape().getShape();
        int kh = (int) ws[2], kw = (int) ws[3];
        int fw = f == null ? 1 : (int) f.getShape().get(1);
        int fh = f == null ? 1 : (int) f.getShape().get(0);
        int px0 = padding, px1 = padding, py0 = padding, py1 = padding;
        if (up > 1) {
            px0 += (fw + up - 1) / 2;
            px1 += (fw - up) / 2;
            py0 += (fh + up - 1) / 2;
            py1 += (fh - up) / 2;
        }
        if (down > 1) {
            px0 += (fw - down + 1) / 2;
            px1 += (fw - down) / 2;
            py0 += (fh - down + 1) / 2;
            py1 += (fh - down) / 2;
        }
        if (kw == 1 && kh == 1 && down > 1 && up == 1) {
            // 1x1 kernel with downsampling: filter first, then the (cheap) strided 1x1 convolution.
            x = Upfirdn2d.upfirdn2d(x, f, 1, down, new int[] {px0, px1, py0, py1}, 1, false);
            return conv(x, w, b, 1, 0, groups, flipWeight);
        }
        if (down > 1 && up == 1) {
            x = Upfirdn2d.upfirdn2d(x, f, 1, 1, new int[] {px0, px1, py0, py1}, 1, false);
            return conv(x, w, b, down, 0, groups, flipWeight);
        }
        if (up > 1) {
            x =
                    upsampleConv(
                            x,
                            w,
                            f,
                            up,
                            groups,
                            flipWeight,
                            new int[] {
                                px0 - (kw - 1), px1 - (kw - up), py0 - (kh - 1), py1 - (kh - up)
                            });
            return b == null ? x : Owned.add(x, b.reshape(1, -1, 1, 1));
        }
        if (px0 == px1 && py0 == py1 && px0 == py0 && px0 >= 0) {
            return conv(x, w, b, 1, px0, groups, flipWeight);
        }
        x = Upfirdn2d.padOrCrop(x, new int[] {px0, px1, py0, py1});
        return conv(x, w, b, 1, 0, groups, flipWeight);
    }

    /**
     * Upsampling: the official transposed strided convolution followed by the FIR filter (gain
     * up²), run as its polyphase equivalent. {@code p} is the FIR padding left after the official
     * adjustment.
     */
    private static NDArray upsampleConv(
            NDArray x, NDArray w, NDArray f, int up, int groups, boolean flipWeight, int[] p) {
        if (up != 2 || p[0] != p[2]) {
            throw new IllegalArgumentException(
                    "only 2x upsampling with square padding is supported");
        }
        return PolyphaseUpsample.upsampleConv(x, w, f, (double) up * up, p[0], groups, flipWeight);
    }

    private static NDArray conv(
            NDArray x,
            NDArray w,
            NDArray b,
            int stride,
            int padding,
            int groups,
            boolean flipWeight) {
        if (!flipWeight) {
            w = w.flip(2, 3);
        }
        if (Autocast.active()) {
            NDArray y = Bf16Conv.conv2d(x, w, stride, padding, groups);
            return b == null ? y : Owned.add(y, b.reshape(1, -1, 1, 1));
        }
        return Conv2d.conv2d(
                        x,
                        w,
                        b,
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        new Shape(1, 1),
                        groups)
                .singletonOrThrow();
    }
}
