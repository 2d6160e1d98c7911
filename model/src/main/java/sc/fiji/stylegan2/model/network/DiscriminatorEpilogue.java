package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.Conv2dLayer;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * The discriminator's 4x4 head: minibatch stddev, a 3x3 conv, a fully connected layer and the
 * output logit. Official {@code DiscriminatorEpilogue}.
 *
 * <p>Conditional ({@code cmap_dim > 0}): {@code out} gives {@code cmap_dim} features, and the logit
 * is their projection on the mapped label, {@code (out(x) · cmap) / sqrt(cmap_dim)} (projection
 * discriminator, Miyato &amp; Koyama 2018, as the official code).
 */
public final class DiscriminatorEpilogue extends Module {

    private final MinibatchStdLayer mbstd;
    private final Conv2dLayer conv;
    private final FullyConnectedLayer fc;
    private final FullyConnectedLayer out;
    private final int cmapDim;

    DiscriminatorEpilogue(
            NDManager manager,
            int inChannels,
            int resolution,
            DiscriminatorConfig cfg,
            float[] taps) {
        this.mbstd =
                cfg.mbstdNumChannels() > 0
                        ? child(
                                "mbstd",
                                new MinibatchStdLayer(cfg.mbstdGroupSize(), cfg.mbstdNumChannels()))
                        : null;
        this.conv =
                child(
                        "conv",
                        new Conv2dLayer(
                                manager,
                                inChannels + cfg.mbstdNumChannels(),
                                inChannels,
                                3,
                                true,
                                Activation.LRELU,
                                1,
                                1,
                                taps,
                                cfg.convClamp()));
        this.fc =
                child(
                        "fc",
                        new FullyConnectedLayer(
                                manager,
                                inChannels * resolution * resolution,
                                inChannels,
                                Activation.LRELU,
                                1,
                                0));
        this.cmapDim = cfg.cmapDim();
        this.out =
                child(
                        "out",
                        new FullyConnectedLayer(
                                manager,
                                inChannels,
                                cmapDim == 0 ? 1 : cmapDim,
                                Activation.LINEAR,
                                1,
                                0));
    }

    /** {@code [N, C, 4, 4]} → logits {@code [N, 1]} (unconditional). */
    public NDArray forward(NDArray x) {
        return forward(x, null, mbstdGroupSize(x.getShape().get(0)));
    }

    /** The minibatch-stddev group size for a batch of {@code n} (1 without the layer). */
    long mbstdGroupSize(long n) {
        return mbstd == null ? 1 : mbstd.groupSize(n);
    }

    /**
     * {@code [N, C, 4, 4]} and the mapped label {@code cmap [N, cmap_dim]} (null when
     * unconditional) → logits {@code [N, 1]}, with the minibatch-stddev group size given.
     */
    NDArray forward(NDArray x, NDArray cmap, long mbstdGroup) {
        if ((cmap == null) != (cmapDim == 0)) {
            throw new IllegalArgumentException(
                    cmapDim == 0
                            ? "this discriminator is unconditional: it takes no" + " class label"
                            : "this discriminator is conditional (cmap_dim "
                                    + cmapDim
                                    + "): give a class label");
        }
        if (mbstd != null) {
            x = mbstd.forward(x, mbstdGroup);
        }
        x = conv.forward(x, 1);
        x = fc.forward(x.reshape(x.getShape().get(0), -1));
        x = out.forward(x);
        if (cmap == null) {
            return x;
        }
        // Projection: (out(x) · cmap) / sqrt(cmap_dim), summed over the features.
        return Scalars.mul(x.mul(cmap).sum(new int[] {1}, true), 1 / Math.sqrt(cmapDim));
    }
}
