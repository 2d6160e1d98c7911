package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import java.util.List;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * A discriminator as training and projection see it, whatever the architecture ({@link
 * Discriminator} for StyleGAN2, {@code v1.ProgressiveDiscriminator} for the original StyleGAN):
 * images in [-1, 1] to one logit each, and its multi-scale features.
 */
public abstract class DiscriminatorNetwork extends Module {

    public abstract DiscriminatorConfig config();

    /**
     * Images {@code [N, C, res, res]} in [-1, 1] → logits {@code [N, 1]} (an unconditional
     * discriminator).
     */
    public final NDArray forward(NDArray img) {
        return forward(img, false);
    }

    /** As {@link #forward(NDArray)}, computed in channels-last layout if asked. */
    public final NDArray forward(NDArray img, boolean channelsLast) {
        return forward(img, null, channelsLast);
    }

    /**
     * Images {@code [N, C, res, res]} in [-1, 1] and their one-hot class labels c {@code [N,
     * c_dim]} (null when unconditional) → logits {@code [N, 1]}.
     */
    public abstract NDArray forward(NDArray img, NDArray c, boolean channelsLast);

    /**
     * The logits of two batches of equal shape, {@code D(a)} and {@code D(b)}, exactly as two calls
     * of {@link #forward} give them (the minibatch-stddev groups never mix the two).
     */
    public final Discriminator.LogitPair forwardPair(NDArray a, NDArray b, boolean channelsLast) {
        return forwardPair(a, null, b, null, channelsLast);
    }

    /**
     * As {@link #forwardPair(NDArray, NDArray, boolean)} with the one-hot labels of each batch
     * ({@code [N, c_dim]}, null for an unconditional discriminator): {@code D(a, ca)} and {@code
     * D(b, cb)}.
     */
    public abstract Discriminator.LogitPair forwardPair(
            NDArray a, NDArray ca, NDArray b, NDArray cb, boolean channelsLast);

    /**
     * The outputs of the blocks from the highest resolution down to 4×4: multi-scale image features
     * with no interaction between images (the projector's built-in distance compares them).
     */
    public abstract List<NDArray> blockOutputs(NDArray img);
}
