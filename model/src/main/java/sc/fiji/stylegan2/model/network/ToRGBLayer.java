package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.BiasAct;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.nn.ModulatedConv2d;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * toRGB (StyleGAN2 Fig. 7b, "skip" generator): a modulated 1x1 convolution without demodulation
 * that projects a block's features to image channels; the blocks' outputs are upsampled and summed.
 * Official {@code ToRGBLayer}; "RGB" stands for any number of image channels.
 */
public final class ToRGBLayer extends Module {

    /**
     * The official {@code modulated_conv2d(x, weight, styles, demodulate=False)}: 1x1, fused, no
     * noise.
     */
    private static final ModulatedConv2d.Options TO_RGB =
            ModulatedConv2d.options().optDemodulate(false).build();

    /** The same on channels-last features. */
    private static final ModulatedConv2d.Options TO_RGB_CHANNELS_LAST =
            ModulatedConv2d.options().optDemodulate(false).optChannelsLast(true).build();

    private final String name;
    private final FullyConnectedLayer affine;
    private final NDArray weight;
    private final NDArray bias;
    private final double weightGain;
    private final Double convClamp;

    ToRGBLayer(
            NDManager manager,
            String name,
            int inChannels,
            int imgChannels,
            int wDim,
            Double convClamp) {
        this.name = name;
        this.affine =
                child(
                        "affine",
                        new FullyConnectedLayer(
                                manager, wDim, inChannels, Activation.LINEAR, 1, 1));
        this.weight = parameter("weight", randn(manager, imgChannels, inChannels, 1, 1));
        this.bias = parameter("bias", manager.zeros(new Shape(imgChannels)));
        this.weightGain = 1 / Math.sqrt(inChannels);
        this.convClamp = convClamp;
    }

    public NDArray forward(NDArray x, NDArray w, SynthesisOptions opt) {
        // The equalized-lr gain goes into the styles, since there is no demodulation to absorb it.
        NDArray styles = Scalars.mul(affine.forward(w), weightGain);
        // Always the grouped form: the modulated 1x1 weights are tiny, and it saves scaling the
        // activations,
        // a full pass over the largest tensor of the block (both forms are the same sum).
        boolean channelsLast = opt.channelsLastOrDefault();
        x = ModulatedConv2d.apply(x, weight, styles, channelsLast ? TO_RGB_CHANNELS_LAST : TO_RGB);
        x = BiasAct.apply(x, bias, Activation.LINEAR, 1, convClamp == null ? -1 : convClamp);
        opt.offer(name, x);
        return x;
    }

    public String name() {
        return name;
    }
}
