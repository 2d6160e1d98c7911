package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.torch.Owned;
import sc.fiji.stylegan2.model.torch.ScriptModules;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * Bias, activation, gain and clamp in the official order ({@code bias_act}): {@code y = clamp(act(x
 * + b) * gain, -clamp, clamp)}; the bias broadcasts over axis 1. {@code x} must be a fresh result
 * the caller owns: at inference it is updated in place, and under autograd the activation may be.
 *
 * <p>With a clamp (the bfloat16 layers, official models with {@code conv_clamp}) the whole chain
 * runs in one TorchScript module ({@link ScriptModules}, one per combination) with the clamp as
 * {@code hardtanh}: the same values as {@code clamp}, but its gradient is one pass ({@code
 * hardtanh_backward}) where {@code clamp}'s is four (two comparisons, their conjunction and a
 * {@code where}): those were 7 % of the CPU time of a {@code small} bfloat16 training step ({@code
 * bench/README.md}). Like the official CUDA {@code bias_act}, no gradient passes where the output
 * sits at the clamp.
 */
public final class BiasAct {

    private BiasAct() {}

    /**
     * @param b bias {@code [C]} or null
     * @param gain multiplier after the activation (usually the activation's default gain)
     * @param clamp absolute clamp after the gain, or a negative value for none
     */
    public static NDArray apply(NDArray x, NDArray b, Activation act, double gain, double clamp) {
        if (clamp >= 0) {
            return clamped(x, b, act, gain, clamp);
        }
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
        return x;
    }

    private static NDArray clamped(
            NDArray x, NDArray b, Activation act, double gain, double clamp) {
        boolean inPlace = !JniUtils.isGradMode();
        int rank = x.getShape().dimension();
        // The class name spells out the combination (the cache's key); a double as its bits.
        String name =
                String.format(
                        Locale.ROOT,
                        "BiasAct_%s_%s_r%d_g%x_c%x_%s",
                        act,
                        b == null ? "nobias" : "bias",
                        rank,
                        Double.doubleToLongBits(gain),
                        Double.doubleToLongBits(clamp),
                        inPlace ? "inplace" : "autograd");
        PtSymbolBlock module =
                ScriptModules.get(name, n -> source(n, act, b != null, rank, gain, clamp, inPlace));
        return b == null ? ScriptModules.forward(module, x) : ScriptModules.forward(module, x, b);
    }

    /**
     * The module's source. At inference every step is in place on the caller's fresh {@code x};
     * under autograd the bias makes a new tensor (or {@code x} is the caller's fresh one), the
     * leaky ReLU runs in place on it (its gradient reads its own output, which nothing else
     * changes), and the gain and the clamp make new tensors.
     */
    static String source(
            String className,
            Activation act,
            boolean bias,
            int rank,
            double gain,
            double clamp,
            boolean inPlace) {
        List<String> body = new ArrayList<>();
        body.add("y = x");
        if (bias) {
            List<String> shape = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                shape.add(i == 1 ? "-1" : "1");
            }
            String view = "torch.view(b, [" + String.join(", ", shape) + "])";
            body.add("y = torch." + (inPlace ? "add_" : "add") + "(y, " + view + ")");
        }
        if (act == Activation.LRELU) {
            body.add("y = torch.leaky_relu_(y, " + act.alpha() + ")");
        }
        if (gain != 1) {
            body.add("y = torch." + (inPlace ? "mul_" : "mul") + "(y, " + gain + ")");
        }
        body.add(
                "return torch."
                        + (inPlace ? "hardtanh_" : "hardtanh")
                        + "(y, "
                        + (-clamp)
                        + ", "
                        + clamp
                        + ")");
        List<String> args = bias ? List.of("x: Tensor", "b: Tensor") : List.of("x: Tensor");
        return TorchScriptArchive.forwardSource(
                className, args, "Tensor", body.toArray(new String[0]));
    }
}
