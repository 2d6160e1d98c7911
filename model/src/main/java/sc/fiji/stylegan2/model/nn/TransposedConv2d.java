package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * A transposed convolution with stride 2 (PyTorch's {@code conv_transpose2d}, no padding, one group), which
 * DJL's PyTorch engine does not wrap: a one-line TorchScript module written by {@link TorchScriptArchive} and
 * loaded once per process. It joins the caller's autograd graph (twice differentiable), so training uses
 * the official upsampling: transposed convolution, then the FIR filter.
 */
public final class TransposedConv2d {

    static final String SOURCE = String.join("\n",
            "class ConvTranspose2x(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.ConvTranspose2x,",
            "    x: Tensor,",
            "    w: Tensor) -> Tensor:",
            "    return torch.conv_transpose2d(x, w, None, [2, 2], [0, 0], [0, 0], 1, [1, 1])",
            "");

    private TransposedConv2d() {}

    /** Holds the module for the life of the process (loaded on first use). */
    private static final class Holder {
        static final PtSymbolBlock MODULE =
                TorchScriptArchive.load(NDManager.newBaseManager(), TorchScriptArchive.write("ConvTranspose2x", SOURCE));
    }

    /**
     * x {@code [N, I, H, W]}, w {@code [I, O, kh, kw]} → {@code [N, O, 2H + kh − 2, 2W + kw − 2]}.
     */
    public static NDArray stride2(NDArray x, NDArray w) {
        // Training mode: DJL runs the method without a no-grad guard, so the result follows the thread's grad mode.
        return IValueUtils.forward(Holder.MODULE, new NDList(x, w), true).singletonOrThrow();
    }
}
