package sc.fiji.stylegan2.model.torch;

import ai.djl.ndarray.NDArray;

/**
 * Channels-last ("NHWC") activations. libtorch's CPU convolutions (oneDNN) run faster on them, and
 * every op that follows a convolution keeps the layout of its input, so one copy at the start of a
 * network changes the layout of everything after it. Where it pays off is measured in {@code
 * bench/README.md}; the regularization phases do not use it (see {@code StyleGAN2Loss}).
 */
public final class MemoryFormat {

    private MemoryFormat() {}

    /**
     * The same values {@code [N, C, H, W]} with channels-last strides. DJL has no memory-format
     * API, so this goes the one way it offers: permute to {@code [N, H, W, C]}, flatten (which
     * copies, in that order), and permute the view back. With one channel the flattening is a view
     * and nothing is copied: the same memory, restrided so that libtorch reads it as channels-last,
     * and a convolution that reads it writes its C-channel output channels-last. Differentiable;
     * tensors that are not 4-D are returned as they are.
     */
    public static NDArray channelsLast(NDArray x) {
        long[] s = x.getShape().getShape();
        if (s.length != 4) {
            return x;
        }
        return x.transpose(0, 2, 3, 1)
                .reshape(-1)
                .reshape(s[0], s[2], s[3], s[1])
                .transpose(0, 3, 1, 2);
    }
}
