package sc.fiji.stylegan2.training.loss;

import java.util.List;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * The TorchScript archive of a one-line module that differentiates with a graph: {@code forward(y,
 * x) = torch.autograd.grad([y.sum()], [x], create_graph=True)[0]}, written from the source below by
 * {@link TorchScriptArchive} (the same zip {@code torch.jit.save} writes; Python torch is not
 * needed).
 *
 * <p>Why a TorchScript module: second-order gradients through DJL's {@code backward(...,
 * createGraph = true)} leave every leaf's {@code .grad} holding a graph that points back to the
 * leaf, a reference cycle that DJL never breaks (measured: RSS grows by 0.2–1.4 MB per step).
 * {@code torch.autograd.grad} returns the gradient instead of accumulating it into {@code .grad},
 * so nothing outlives the step.
 */
public final class GradOpArchive {

    /** The class name; the archive folder is its lower-case form. */
    static final String CLASS_NAME = "GradOp";

    /**
     * Serialized TorchScript of the module, character for character as libtorch 2.7 itself writes
     * it back ({@code torch.jit.save} of the loaded module); {@code torch.autograd.grad} is {@code
     * aten::grad}, whose arguments are (outputs, inputs, grad_outputs, retain_graph, create_graph).
     */
    static final String SOURCE =
            TorchScriptArchive.forwardSource(
                    CLASS_NAME,
                    List.of("y: Tensor", "x: Tensor"),
                    "Tensor",
                    "_0 = torch.autograd.grad([torch.sum(y)], [x], None, None, True)",
                    "return unchecked_cast(Tensor, _0[0])");

    private GradOpArchive() {}

    /** The archive bytes, identical on every call. */
    public static byte[] bytes() {
        return TorchScriptArchive.write(CLASS_NAME, SOURCE);
    }
}
