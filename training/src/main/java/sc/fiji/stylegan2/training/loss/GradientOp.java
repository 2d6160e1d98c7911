package sc.fiji.stylegan2.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * A gradient that is itself differentiable, {@code ∇_x Σ y} with the graph of its computation
 * recorded, so that a penalty on it (R1, path length) can be back-propagated to the network's
 * weights: PyTorch's {@code torch.autograd.grad(outputs=[y.sum()], inputs=[x],
 * create_graph=True)[0]} as the official {@code loss.py} calls it. It runs the TorchScript module
 * of {@link GradOpArchive}, loaded into libtorch once.
 *
 * <p>Deviation from the obvious DJL route: {@code GradientCollector}'s {@code backward(...,
 * createGraph = true)} accumulates the graph-carrying gradient into every leaf's {@code .grad},
 * which then references the leaf through its graph; DJL never breaks that cycle and memory grows
 * every step. {@code autograd.grad} returns the gradient instead, so it dies with the step's
 * arrays.
 */
public final class GradientOp implements AutoCloseable {

    private final NDManager manager;
    private final PtSymbolBlock module;

    /** Loads the module onto the device of {@code parent}. */
    public GradientOp(NDManager parent) {
        this.manager = parent.newSubManager();
        try {
            this.module = TorchScriptArchive.load(manager, GradOpArchive.bytes());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * {@code ∇_x Σ y}, shaped like x, differentiable in turn. Call it inside a {@code
     * GradientCollector} (grad mode on), with {@code y} computed from {@code x} there; x needs a
     * gradient (a leaf with {@code setRequiresGradient(true)} or an intermediate result).
     */
    public NDArray gradient(NDArray y, NDArray x) {
        // Training mode: DJL runs the method without a no-grad guard, so the result keeps its
        // graph.
        return IValueUtils.forward(module, new NDList(y, x), true).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
