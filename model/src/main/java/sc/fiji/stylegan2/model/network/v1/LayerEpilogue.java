package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.BiasAct;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * What ends every layer of the original StyleGAN's synthesis network (StyleGAN Fig. 1b): noise B,
 * bias, leaky ReLU (0.2), instance normalisation, then the style y from w (AdaIN). Official {@code
 * layer_epilogue}. Instance normalisation removes each feature map's mean and scale; StyleGAN2
 * (Sec. 2) traces the droplet artifact to this: the generator sneaks signal strength past it with a
 * strong local spike.
 */
public final class LayerEpilogue extends Module {

    private final String name;
    private final int resolution;
    private final NoiseInjection noise;
    private final NDArray bias;
    private final StyleModulation style;

    LayerEpilogue(NDManager manager, String name, int channels, int wDim, int resolution) {
        this.name = name;
        this.resolution = resolution;
        this.noise = child("noise", new NoiseInjection(manager, name, channels, resolution));
        this.bias = parameter("bias", manager.zeros(new Shape(channels)));
        this.style = child("style", new StyleModulation(manager, wDim, channels));
    }

    /** x {@code [N, C, res, res]}, w {@code [N, w_dim]} → {@code [N, C, res, res]}. */
    public NDArray forward(NDArray x, NDArray w, SynthesisOptions opt) {
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
