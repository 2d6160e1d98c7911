package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.BiasAct;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.nn.ModulatedConv2d;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.nn.Upfirdn2d;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.GlobalRandom;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * One style-modulated 3x3 convolution of the synthesis network (StyleGAN2 Fig. 2c/d): the affine
 * transform A maps w to a style per input channel, the weights are modulated and demodulated (Eq.
 * 1–3), per-pixel noise B is scaled by a learned strength and added, then bias and leaky ReLU. With
 * {@code up = 2} the convolution also doubles the resolution through FIR upsampling. Official
 * {@code SynthesisLayer}.
 */
public final class SynthesisLayer extends Module {

    private final String name;
    private final FullyConnectedLayer affine;
    private final NDArray weight;
    private final NDArray bias;
    private final NDArray resampleFilter;
    private final NDArray noiseConst;
    private final NDArray noiseStrength;
    private final int up;
    private final int resolution;
    private final Double convClamp;
    private final boolean bf16;

    /**
     * @param bf16 whether this layer is one of the highest resolutions that compute in bfloat16
     *     when asked ({@link Autocast}), the official {@code use_fp16}
     */
    SynthesisLayer(
            NDManager manager,
            String name,
            int inChannels,
            int outChannels,
            int wDim,
            int resolution,
            int up,
            float[] filterTaps,
            Double convClamp,
            boolean bf16) {
        this.name = name;
        this.affine =
                child(
                        "affine",
                        new FullyConnectedLayer(
                                manager, wDim, inChannels, Activation.LINEAR, 1, 1));
        this.weight = parameter("weight", randn(manager, outChannels, inChannels, 3, 3));
        this.bias = parameter("bias", manager.zeros(new Shape(outChannels)));
        this.noiseStrength = parameter("noise_strength", manager.zeros(new Shape()));
        this.resampleFilter = buffer("resample_filter", Upfirdn2d.setupFilter(manager, filterTaps));
        this.noiseConst = buffer("noise_const", randn(manager, resolution, resolution));
        this.up = up;
        this.resolution = resolution;
        this.convClamp = convClamp;
        this.bf16 = bf16;
    }

    /** x {@code [N, I, H, W]}, w {@code [N, w_dim]} → {@code [N, O, res, res]}. */
    public NDArray forward(NDArray x, NDArray w, SynthesisOptions opt) {
        long n = x.getShape().get(0);
        NDArray styles = affine.forward(w);
        // The official order is act(conv · σ⁻¹ + noise + bias) · gain. The leaky ReLU is positively
        // homogeneous, so the gain goes into the demodulation coefficients, the noise map and the
        // bias instead
        // (all small), and no pass over the activations multiplies: act(conv · σ⁻¹·gain +
        // noise·gain + bias·gain).
        double gain = Activation.LRELU.defaultGain();
        NDArray noise = noise(x, n, opt);
        try (Autocast mixed = Autocast.layer(bf16)) {
            x = convolve(x, styles, noise, gain, opt);
            x = BiasAct.apply(x, Scalars.mul(bias, gain), Activation.LRELU, 1, clamp());
        }
        opt.offer(name, x);
        return x;
    }

    /** The modulated convolution with noise, {@code conv · σ⁻¹·gain + noise·gain}. */
    private NDArray convolve(
            NDArray x, NDArray styles, NDArray noise, double gain, SynthesisOptions opt) {
        return ModulatedConv2d.apply(
                x,
                weight,
                styles,
                ModulatedConv2d.options()
                        .optNoise(noise == null ? null : Scalars.mul(noise, gain))
                        .optUp(up)
                        .optPadding(1)
                        .optResampleFilter(resampleFilter)
                        .optFlipWeight(up == 1) // as the official flip_weight = (up == 1)
                        .optStrategy(opt.modconv())
                        .optChannelsLast(opt.channelsLastOrDefault())
                        .optGain(gain)
                        .build());
    }

    /**
     * The clamp after the activation: the model's conv clamp, or in a bfloat16 layer of a model
     * without one {@link Precision#BF16_CONV_CLAMP} (the official float16 layers come with {@code
     * conv_clamp=256}); negative for none.
     */
    private double clamp() {
        if (convClamp != null) {
            return convClamp;
        }
        return Autocast.active() ? Precision.BF16_CONV_CLAMP : -1;
    }

    private NDArray noise(NDArray x, long n, SynthesisOptions opt) {
        if (!opt.noiseEnabled(name)) {
            return null;
        }
        NDArray explicit = opt.noiseInput(name);
        if (explicit != null) {
            return explicit.mul(noiseStrength);
        }
        switch (opt.noiseMode()) {
            case CONST:
                return noiseConst.mul(noiseStrength);
            case RANDOM:
                NDArray noise =
                        GlobalRandom.locked(
                                () ->
                                        x.getManager()
                                                .randomNormal(
                                                        new Shape(n, 1, resolution, resolution)));
                return noise.mul(noiseStrength);
            default:
                return null;
        }
    }

    /** Official name, e.g. {@code synthesis.b64.conv1}. */
    public String name() {
        return name;
    }

    public int resolution() {
        return resolution;
    }

    /** Output channels. */
    public long channels() {
        return weight.getShape().get(0);
    }
}
