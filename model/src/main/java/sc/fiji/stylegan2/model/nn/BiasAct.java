package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import sc.fiji.stylegan2.model.torch.Owned;

/**
 * Bias, activation, gain and clamp in the official order ({@code bias_act}): {@code y = clamp(act(x
 * + b) * gain, -clamp, clamp)}; the bias broadcasts over axis 1. {@code x} must be a fresh result
 * the caller owns: at inference it is updated in place.
 */
public final class BiasAct {

    private BiasAct() {}

    /**
     * @param b bias {@code [C]} or null
     * @param gain multiplier after the activation (usually the activation's default gain)
     * @param clamp absolute clamp after the gain, or a negative value for none
     */
    public static NDArray apply(NDArray x, NDArray b, Activation act, double gain, double clamp) {
        if (b != null) {
            long[] shape = new long[x.getShape().dimension()];
            java.util.Arrays.fill(shape, 1);
            shape[1] = -1;
            x = Owned.add(x, b.reshape(shape));
        }
        if (act == Activation.LRELU) {
            x = ai.djl.nn.Activation.leakyRelu(x, (float) act.alpha());
        }
        if (gain != 1) {
            x = Owned.mul(x, gain);
        }
        if (clamp >= 0) {
            x = x.clip(-clamp, clamp);
        }
        return x;
    }
}
