package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * A fully connected layer with equalized learning rate (Karras et al. 2018, ProGAN Sec. 4.1):
 * weights are stored as N(0, 1/lr_multiplier²) and scaled at run time by {@code lr_multiplier /
 * sqrt(in_features)}; the bias by {@code lr_multiplier}. Official {@code FullyConnectedLayer}.
 */
public final class FullyConnectedLayer extends Module {

    private final NDArray weight;
    private final NDArray bias;
    private final Activation activation;
    private final double weightGain;
    private final double biasGain;

    /**
     * @param biasInit initial bias value (1 for the style affines, so styles start at 1)
     */
    public FullyConnectedLayer(
            NDManager manager,
            int inFeatures,
            int outFeatures,
            Activation activation,
            double lrMultiplier,
            double biasInit) {
        this.weight =
                parameter("weight", randn(manager, outFeatures, inFeatures).div(lrMultiplier));
        this.bias =
                parameter(
                        "bias",
                        manager.full(
                                new ai.djl.ndarray.types.Shape(outFeatures), (float) biasInit));
        this.activation = activation;
        this.weightGain = lrMultiplier / Math.sqrt(inFeatures);
        this.biasGain = lrMultiplier;
    }

    /** {@code x [N, in]} → {@code [N, out]}. */
    public NDArray forward(NDArray x) {
        // (g·W) x = W (g·x): the gain goes to the smaller of the two, the input for a minibatch
        // smaller than
        // the layer's width (a pass over 8 latents instead of over a 512×512 weight, forward and
        // backward).
        NDArray w = weight;
        if (x.getShape().get(0) < weight.getShape().get(0)) {
            x = Scalars.mul(x, weightGain);
        } else {
            w = Scalars.mul(weight, weightGain);
        }
        NDArray b = biasGain == 1 ? bias : Scalars.mul(bias, biasGain);
        if (activation == Activation.LINEAR) {
            return Linear.linear(x, w, b).singletonOrThrow();
        }
        return BiasAct.apply(
                Linear.linear(x, w).singletonOrThrow(),
                b,
                activation,
                activation.defaultGain(),
                -1);
    }
}
