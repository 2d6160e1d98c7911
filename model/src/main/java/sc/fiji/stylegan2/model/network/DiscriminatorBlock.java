package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.Conv2dLayer;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.nn.Upfirdn2d;
import sc.fiji.stylegan2.model.torch.MemoryFormat;

/**
 * A residual discriminator block (StyleGAN2 Fig. 7c, "resnet"): two 3x3 convs, the second
 * downsampling, plus a 1x1 downsampling skip; both paths are scaled by √0.5 so the sum keeps unit
 * variance. The first block reads the image through {@code fromrgb}. Official {@code
 * DiscriminatorBlock}.
 */
public final class DiscriminatorBlock extends Module {

    private static final double SQRT_HALF = Math.sqrt(0.5);

    private final Conv2dLayer fromrgb;
    private final Conv2dLayer conv0;
    private final Conv2dLayer conv1;
    private final Conv2dLayer skip;

    DiscriminatorBlock(
            NDManager manager,
            int inChannels,
            int tmpChannels,
            int outChannels,
            int imgChannels,
            float[] filterTaps,
            Double convClamp) {
        // The official block keeps its own copy of the filter (used by the "skip" architecture
        // only).
        buffer("resample_filter", Upfirdn2d.setupFilter(manager, filterTaps));
        this.fromrgb =
                inChannels == 0
                        ? child(
                                "fromrgb",
                                new Conv2dLayer(
                                        manager,
                                        imgChannels,
                                        tmpChannels,
                                        1,
                                        true,
                                        Activation.LRELU,
                                        1,
                                        1,
                                        filterTaps,
                                        convClamp))
                        : null;
        this.conv0 =
                child(
                        "conv0",
                        new Conv2dLayer(
                                manager,
                                tmpChannels,
                                tmpChannels,
                                3,
                                true,
                                Activation.LRELU,
                                1,
                                1,
                                filterTaps,
                                convClamp));
        this.conv1 =
                child(
                        "conv1",
                        new Conv2dLayer(
                                manager,
                                tmpChannels,
                                outChannels,
                                3,
                                true,
                                Activation.LRELU,
                                1,
                                2,
                                filterTaps,
                                convClamp));
        this.skip =
                child(
                        "skip",
                        new Conv2dLayer(
                                manager,
                                tmpChannels,
                                outChannels,
                                1,
                                false,
                                Activation.LINEAR,
                                1,
                                2,
                                filterTaps,
                                null));
    }

    /**
     * @param x features of the previous block, or null for the first block (then {@code img} is
     *     read)
     * @param channelsLast the first block reads the image channels-last ({@link MemoryFormat}: no
     *     copy for one channel, a copy of the few image channels otherwise), so fromrgb writes its
     *     features channels-last, and every layer after keeps the layout
     */
    public NDArray forward(NDArray x, NDArray img, boolean channelsLast) {
        if (fromrgb != null) {
            NDArray y = fromrgb.forward(channelsLast ? MemoryFormat.channelsLast(img) : img, 1);
            x = x == null ? y : x.add(y);
        }
        NDArray y = skip.forward(x, SQRT_HALF);
        x = conv0.forward(x, 1);
        x = conv1.forward(x, SQRT_HALF);
        return y.add(x);
    }
}
