package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.BiasAct;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * A block of the original StyleGAN's discriminator at one resolution (ProGAN structure, official
 * {@code D_basic} block): a 3×3 conv, then [1,2,1] blur and a 3×3 conv that halves the resolution
 * (fused from 128 px on), each with bias and leaky ReLU. Its {@code fromrgb} (1×1 conv, bias, leaky
 * ReLU) is where the image enters when this is the top resolution of the current level of detail.
 */
public final class ProgressiveDiscriminatorBlock extends Module {

    private final EqualizedConv2d fromrgb;
    private final NDArray fromrgbBias;
    private final EqualizedConv2d conv0;
    private final NDArray bias0;
    private final EqualizedConv2d conv1;
    private final NDArray bias1;
    private final NDArray blurFilter;

    /**
     * @param outChannels the channels at {@code resolution / 2}; 0 for the 4×4 level, which has
     *     only its {@code fromrgb} (the epilogue does the rest)
     */
    ProgressiveDiscriminatorBlock(
            NDManager manager, int imgChannels, int channels, int outChannels, int resolution) {
        double lrelu = Math.sqrt(2);
        this.fromrgb =
                child(
                        "fromrgb",
                        new EqualizedConv2d(
                                manager,
                                imgChannels,
                                channels,
                                1,
                                lrelu,
                                EqualizedConv2d.Resampling.NONE,
                                false));
        this.fromrgbBias = parameter("fromrgb_bias", manager.zeros(new Shape(channels)));
        boolean hasConvs = outChannels > 0;
        this.conv0 =
                hasConvs
                        ? child(
                                "conv0",
                                new EqualizedConv2d(
                                        manager,
                                        channels,
                                        channels,
                                        3,
                                        lrelu,
                                        EqualizedConv2d.Resampling.NONE,
                                        false))
                        : null;
        this.bias0 = hasConvs ? parameter("conv0_bias", manager.zeros(new Shape(channels))) : null;
        this.conv1 =
                hasConvs
                        ? child(
                                "conv1",
                                new EqualizedConv2d(
                                        manager,
                                        channels,
                                        outChannels,
                                        3,
                                        lrelu,
                                        EqualizedConv2d.Resampling.DOWN,
                                        resolution >= 128))
                        : null;
        this.bias1 =
                hasConvs ? parameter("conv1_bias", manager.zeros(new Shape(outChannels))) : null;
        this.blurFilter = hasConvs ? buffer("blur_filter", Resample.blurFilter(manager)) : null;
    }

    /** img {@code [N, img_channels, res, res]} → features {@code [N, C, res, res]}. */
    public NDArray fromRgb(NDArray img) {
        return BiasAct.apply(fromrgb.forward(img), fromrgbBias, Activation.LRELU, 1, -1);
    }

    /** The fromRGB's weight and bias. */
    List<NDArray> fromrgbParameters() {
        return List.of(fromrgb.namedParameters().get("weight"), fromrgbBias);
    }

    /** x {@code [N, C, res, res]} → {@code [N, C', res/2, res/2]}. */
    public NDArray forward(NDArray x) {
        x = BiasAct.apply(conv0.forward(x), bias0, Activation.LRELU, 1, -1);
        x = conv1.forward(Resample.blur(x, blurFilter));
        return BiasAct.apply(x, bias1, Activation.LRELU, 1, -1);
    }
}
