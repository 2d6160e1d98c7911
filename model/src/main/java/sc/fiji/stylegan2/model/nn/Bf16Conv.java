package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;
import sc.fiji.stylegan2.model.torch.ScriptModules;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * Convolutions in bfloat16 with float32 in and out, for the mixed-precision layers ({@link
 * sc.fiji.stylegan2.model.torch.Autocast}): the module casts the float32 activations and the
 * float32 weight (the master copy) to bfloat16, convolves (oneDNN accumulates in float32 and rounds
 * the result to bfloat16), and casts the result back to float32, so everything around it (bias,
 * activation, noise, FIR filters, losses) stays float32. The casts are differentiable: under
 * autograd, gradients flow back in float32 to the float32 weight, including the second-order ones
 * of the path-length penalty.
 *
 * <p>Why TorchScript: DJL 0.35.1's {@code NDArray.toType(DataType.BFLOAT16)} aborts the JVM with
 * libtorch 2.7.1; inside a module ({@link TorchScriptArchive}) the cast is an ordinary aten op, and
 * no bfloat16 tensor ever reaches DJL. Serialized TorchScript writes dtypes as their ScalarType
 * numbers: 6 = float32, 15 = bfloat16.
 *
 * <p>The group count travels in the weight's shape ({@code [G, O/G, I/G, k, k]}; {@link
 * TransposedConv2d}'s {@code [G, I/G, O/G, k, k]}), stride and padding in the module's code (one
 * module per pair, loaded once per process).
 */
public final class Bf16Conv {

    private Bf16Conv() {}

    /**
     * {@code conv2d} (correlation) in bfloat16.
     *
     * @param x input {@code [N, I, H, W]}, float32
     * @param w weight {@code [O, I/groups, kh, kw]}, float32
     * @return {@code [N, O, H', W']}, float32
     */
    public static NDArray conv2d(NDArray x, NDArray w, int stride, int padding, int groups) {
        long[] s = w.getShape().getShape();
        NDArray grouped = w.reshape(groups, s[0] / groups, s[1], s[2], s[3]);
        String name = "Bf16Conv2dS" + stride + "P" + padding;
        return ScriptModules.forward(
                ScriptModules.get(name, n -> conv2dSource(n, stride, padding)), x, grouped);
    }

    /**
     * The stride-2 transposed convolution of {@link TransposedConv2d} in bfloat16.
     *
     * @param w weight {@code [G, I/G, O/G, k, k]}, float32
     */
    public static NDArray convTranspose2d(NDArray x, NDArray w) {
        return ScriptModules.forward(
                ScriptModules.get("Bf16ConvTranspose2d", Bf16Conv::convTranspose2dSource), x, w);
    }

    /**
     * A bfloat16 copy of {@code w} in its layout (contiguous or channels-last), to hand to {@link
     * #conv2d} and {@link #convTranspose2d} in place of the float32 weight (their cast is then a
     * no-op): what {@link WeightCache} keeps for a run of inference. DJL cannot read its values
     * (its data type shows as unknown); only these modules use it.
     */
    public static NDArray toBfloat16(NDArray w) {
        // Training mode: a copy of a weight that takes gradients passes them back (and is no
        // inference tensor, which autograd could not save).
        return ScriptModules.forward(
                ScriptModules.get(
                        "Bf16CopyInLayout",
                        n ->
                                TorchScriptArchive.forwardSource(
                                        n,
                                        List.of("w: Tensor"),
                                        "Tensor",
                                        "return torch.to(w, 15)")),
                w);
    }

    /** The source of the bfloat16 {@code conv2d} module for a stride and padding. */
    static String conv2dSource(String className, int stride, int padding) {
        return source(
                className,
                String.format(
                        "torch.conv2d(torch.to(x, 15), torch.to(torch.flatten(w, 0, 1), 15), None,"
                                + " [%d, %d], [%d, %d], [1, 1], torch.size(w, 0))",
                        stride, stride, padding, padding));
    }

    /** The source of the bfloat16 stride-2 {@code conv_transpose2d} module. */
    static String convTranspose2dSource(String className) {
        return source(
                className,
                "torch.conv_transpose2d(torch.to(x, 15), torch.to(torch.flatten(w, 0, 1), 15),"
                        + " None, [2, 2], [0, 0], [0, 0], torch.size(w, 0), [1, 1])");
    }

    private static String source(String className, String conv) {
        return TorchScriptArchive.forwardSource(
                className,
                List.of("x: Tensor", "w: Tensor"),
                "Tensor",
                "_0 = " + conv,
                "return torch.to(_0, 6)");
    }
}
