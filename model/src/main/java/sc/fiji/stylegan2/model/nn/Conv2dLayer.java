package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * A convolution with equalized learning rate (runtime weight gain {@code 1/sqrt(fan_in)}), optional
 * FIR up/downsampling, bias, activation and clamp: the discriminator's building brick (official
 * {@code Conv2dLayer}).
 */
public final class Conv2dLayer extends Module {

    private final NDArray weight;
    private final NDArray bias;
    private final NDArray resampleFilter;
    private final Activation activation;
    private final int up;
    private final int down;
    private final int padding;
    private final double weightGain;
    private final Double convClamp;

    public Conv2dLayer(
            NDManager manager,
            int inChannels,
            int outChannels,
            int kernelSize,
            boolean withBias,
            Activation activation,
            int up,
            int down,
            float[] filterTaps,
            Double convClamp) {
        this.weight =
                parameter(
                        "weight", randn(manager, outChannels, inChannels, kernelSize, kernelSize));
        this.bias = withBias ? parameter("bias", manager.zeros(new Shape(outChannels))) : null;
        this.resampleFilter = buffer("resample_filter", Upfirdn2d.setupFilter(manager, filterTaps));
        this.activation = activation;
        this.up = up;
        this.down = down;
        this.padding = kernelSize / 2;
        this.weightGain = 1 / Math.sqrt((double) inChannels * kernelSize * kernelSize);
        this.convClamp = convClamp;
    }

    /**
     * @param gain extra gain after the activation (√0.5 on the residual paths)
     */
    public NDArray forward(NDArray x, double gain) {
        double actGain = activation.defaultGain() * gain;
        Double limit = clamp();
        // clamp(act(conv(x, w) + b)·g) = clamp(act(conv(x, g·w) + g·b)) for g > 0 (linear and
        // leaky ReLU are positively homogeneous): the gain goes into the weight and the bias into
        // the convolution, two passes over the activations fewer than bias_act's add and multiply,
        // forward and backward; the clamp (official bias_act's, after the gain) stays.
        NDArray b = bias == null || actGain == 1 ? bias : Scalars.mul(bias, actGain);
        x =
                Conv2dResample.apply(
                        x,
                        Scalars.mul(weight, weightGain * actGain),
                        b,
                        resampleFilter,
                        up,
                        down,
                        padding,
                        1,
                        up == 1);
        return BiasAct.apply(x, null, activation, 1, limit == null ? -1 : limit * gain);
    }

    /**
     * The model's conv clamp, or in a bfloat16 layer of a model without one {@link
     * Precision#BF16_CONV_CLAMP}, as the official configs pair float16 layers with {@code
     * conv_clamp=256}; the official code passes it to every layer but the linear residual skip.
     */
    private Double clamp() {
        if (convClamp == null && Autocast.active() && activation != Activation.LINEAR) {
            return Precision.BF16_CONV_CLAMP;
        }
        return convClamp;
    }
}
