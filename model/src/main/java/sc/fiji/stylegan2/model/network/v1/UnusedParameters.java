package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * Zero gradients for the parameters a level of detail leaves out. The official "linear" structure
 * runs every block and blends the unused ones in with weight 0, so their gradients are zeros; here
 * they are skipped, and a parameter that takes no part in a backward pass has no gradient at all,
 * which the optimizer's kernel does not accept. Adding {@code 0 · Σ p} to the output gives each of
 * them its zero gradient at the cost of one sum per tensor (only while gradients are recorded).
 */
final class UnusedParameters {

    private UnusedParameters() {}

    /** {@code out + 0 · Σ_p Σ p} under autograd, else {@code out}. */
    static NDArray touch(NDArray out, List<NDArray> unused) {
        if (unused.isEmpty() || !JniUtils.isGradMode()) {
            return out;
        }
        NDArray sum = null;
        for (NDArray p : unused) {
            NDArray s = p.sum();
            sum = sum == null ? s : sum.add(s);
        }
        return out.add(Scalars.mul(sum, 0));
    }
}
