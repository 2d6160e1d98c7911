package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import java.util.List;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * The stride-2 transposed convolution of StyleGAN2's upsampling layers (appendix B: "transposed
 * convolution followed by the [1,3,3,1] filter"), as the official {@code conv2d_resample} runs it:
 * {@code torch.conv_transpose2d(x, w, stride=2, groups=G)}, output {@code [N, O, 2H+k−2, 2W+k−2]}.
 *
 * <p>DJL does not wrap {@code conv_transpose2d}, so it runs in a TorchScript module written from
 * the source below by {@link TorchScriptArchive}, in training mode on the caller's tensors: its op
 * joins their autograd graph (gradients w.r.t. x and w, and second-order ones for the path-length
 * penalty). It does 9 multiply-adds per input pixel and tap pair, where four 2×2 phase convolutions
 * (the polyphase form) do 16.
 *
 * <p>The group count travels in the weight's shape, {@code [G, I/G, O/G, k, k]} (the official
 * grouped layout before its final reshape), so the module takes tensors only. Inside a bfloat16
 * layer ({@link Autocast#active()}) it runs in bfloat16 ({@link Bf16Conv}).
 */
public final class TransposedConv2d {

    static final String CLASS_NAME = "TransposedConv2d";

    static final String SOURCE =
            TorchScriptArchive.forwardSource(
                    CLASS_NAME,
                    List.of("x: Tensor", "w: Tensor"),
                    "Tensor",
                    "return torch.conv_transpose2d(x, torch.flatten(w, 0, 1), None, [2, 2], [0, 0], [0, 0], "
                            + "torch.size(w, 0), [1, 1])");

    private TransposedConv2d() {}

    /**
     * @param x input {@code [N, G·I/G, H, W]}
     * @param w weight {@code [G, I/G, O/G, k, k]}: per group, input channels first, as {@code
     *     conv_transpose2d} takes it
     * @return {@code [N, O, 2H+k−2, 2W+k−2]}
     */
    public static NDArray apply(NDArray x, NDArray w) {
        if (w.getShape().dimension() != 5) {
            throw new IllegalArgumentException(
                    "transposed-conv weight must be [G, I/G, O/G, k, k], got " + w.getShape());
        }
        if (Autocast.active()) {
            return Bf16Conv.convTranspose2d(x, w);
        }
        return IValueUtils.forward(Loaded.MODULE, new NDList(x, w), true).singletonOrThrow();
    }

    /**
     * The module, loaded once per process into libtorch (it has no parameters and runs on any
     * device).
     */
    private static final class Loaded {
        static final PtSymbolBlock MODULE =
                TorchScriptArchive.load(
                        NDManager.newBaseManager(), TorchScriptArchive.write(CLASS_NAME, SOURCE));
    }
}
