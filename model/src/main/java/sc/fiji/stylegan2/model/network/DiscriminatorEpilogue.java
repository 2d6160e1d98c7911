package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.Conv2dLayer;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * The discriminator's 4x4 head: minibatch stddev, a 3x3 conv, a fully connected layer and the output
 * logit. Official {@code DiscriminatorEpilogue} (unconditional).
 */
public final class DiscriminatorEpilogue extends Module {

    private final MinibatchStdLayer mbstd;
    private final Conv2dLayer conv;
    private final FullyConnectedLayer fc;
    private final FullyConnectedLayer out;

    DiscriminatorEpilogue(NDManager manager, int inChannels, int resolution, DiscriminatorConfig cfg, float[] taps) {
        this.mbstd = cfg.mbstdNumChannels() > 0
                ? child("mbstd", new MinibatchStdLayer(cfg.mbstdGroupSize(), cfg.mbstdNumChannels())) : null;
        this.conv = child("conv", new Conv2dLayer(manager, inChannels + cfg.mbstdNumChannels(), inChannels, 3, true,
                Activation.LRELU, 1, 1, taps, cfg.convClamp()));
        this.fc = child("fc", new FullyConnectedLayer(manager, inChannels * resolution * resolution, inChannels,
                Activation.LRELU, 1, 0));
        this.out = child("out", new FullyConnectedLayer(manager, inChannels, 1, Activation.LINEAR, 1, 0));
    }

    /** {@code [N, C, 4, 4]} → logits {@code [N, 1]}. */
    public NDArray forward(NDArray x) {
        return forward(x, mbstdGroupSize(x.getShape().get(0)));
    }

    /** The minibatch-stddev group size for a batch of {@code n} (1 without the layer). */
    long mbstdGroupSize(long n) {
        return mbstd == null ? 1 : mbstd.groupSize(n);
    }

    /** As {@link #forward(NDArray)} with the minibatch-stddev group size given. */
    NDArray forward(NDArray x, long mbstdGroup) {
        if (mbstd != null) {
            x = mbstd.forward(x, mbstdGroup);
        }
        x = conv.forward(x, 1);
        x = fc.forward(x.reshape(x.getShape().get(0), -1));
        return out.forward(x);
    }
}
