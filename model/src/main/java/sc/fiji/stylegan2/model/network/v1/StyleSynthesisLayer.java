package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.BiasAct;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * One layer of the original StyleGAN's synthesis network (StyleGAN Fig. 1b): its input (the learned
 * 4×4 constant, a 3×3 conv, or an upsampling 3×3 conv followed by the [1,2,1] blur), then the
 * epilogue: noise B, bias, leaky ReLU (0.2), instance normalisation, and the style y from w
 * (AdaIN). Official {@code 4x4/Const}, {@code Conv}, {@code Conv0_up}, {@code Conv1} with {@code
 * layer_epilogue}. Instance normalisation removes each feature map's mean and scale; StyleGAN2
 * (Sec. 2) traces the droplet artifact to this: the generator sneaks signal strength past it with a
 * strong local spike.
 */
public final class StyleSynthesisLayer extends Module {

    /** What feeds the epilogue. */
    enum Input {
        CONST,
        CONV,
        CONV_UP
    }

    private final String name;
    private final int resolution;
    private final NDArray constInput;
    private final EqualizedConv2d conv;
    private final NDArray blurFilter;
    private final NoiseInjection noise;
    private final NDArray bias;
    private final StyleModulation style;

    StyleSynthesisLayer(
            NDManager manager,
            String name,
            Input input,
            int inChannels,
            int channels,
            int wDim,
            int resolution) {
        this.name = name;
        this.resolution = resolution;
        this.constInput =
                input == Input.CONST
                        ? parameter("const", manager.ones(new Shape(channels, 4, 4)))
                        : null;
        // The official 'auto' fused_scale: fused when the output is at least 128 px.
        this.conv =
                input == Input.CONST
                        ? null
                        : child(
                                "conv",
                                new EqualizedConv2d(
                                        manager,
                                        inChannels,
                                        channels,
                                        3,
                                        Math.sqrt(2),
                                        input == Input.CONV_UP
                                                ? EqualizedConv2d.Resampling.UP
                                                : EqualizedConv2d.Resampling.NONE,
                                        resolution >= 128));
        this.blurFilter =
                input == Input.CONV_UP ? buffer("blur_filter", Resample.blurFilter(manager)) : null;
        this.noise =
                new NoiseInjection(
                        name,
                        resolution,
                        parameter("noise_weight", manager.zeros(new Shape(channels))),
                        buffer("noise_const", randn(manager, resolution, resolution)));
        this.bias = parameter("bias", manager.zeros(new Shape(channels)));
        this.style = child("style", new StyleModulation(manager, wDim, channels));
    }

    /**
     * @param x the input features {@code [N, I, H, W]}, ignored by the constant layer
     * @param w {@code [N, w_dim]}
     * @return {@code [N, C, res, res]}
     */
    public NDArray forward(NDArray x, NDArray w, SynthesisOptions opt) {
        if (constInput != null) {
            x = constInput.expandDims(0).repeat(0, w.getShape().get(0));
        } else {
            x = conv.forward(x);
            if (blurFilter != null) {
                x = Resample.blur(x, blurFilter);
            }
        }
        x = noise.forward(x, opt);
        // lrelu(x + b), slope 0.2, no gain (the √2 is in the conv weights)
        x = BiasAct.apply(x, bias, Activation.LRELU, 1, -1);
        x = style.forward(InstanceNorm.apply(x), w);
        opt.offer(name, x);
        return x;
    }

    /** Official name, e.g. {@code synthesis.b64.conv1}. */
    public String name() {
        return name;
    }

    /** The side of this layer's feature (and noise) maps. */
    public int resolution() {
        return resolution;
    }
}
