package sc.fiji.stylegan2.model.optim;

import java.util.List;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * The TorchScript module that performs one {@link Adam} step over all parameters in one call,
 * written from the source below by {@link TorchScriptArchive}. Per parameter with a gradient, as
 * the official training step followed by {@code torch.optim.Adam} (single-tensor path of PyTorch
 * 1.13, which the official code ran):
 *
 * <pre>
 *   g ← nan_to_num(g, nan=0, posinf=1e5, neginf=−1e5)        only when Σg is not finite (counted)
 *   m ← β1 m + (1 − β1) g                                      as lerp(m, g, 1 − β1), one pass
 *   v ← β2 v + (1 − β2) g²
 *   p ← p − (lr / (1 − β1^t)) · m / (sqrt(v) / sqrt(1 − β2^t) + ε)
 *   g ← 0
 * </pre>
 *
 * Why a module: the same update through DJL costs about a dozen JNI calls and Java arrays per
 * parameter (about 700 per generator step in config {@code small}); the TorchScript interpreter
 * runs the loop inside libtorch. The finiteness test reads the sum (one pass, no temporary): any
 * NaN or ±inf makes it non-finite, and the rare finite gradient whose sum overflows only gets a
 * repair that changes nothing. The hyper-parameters arrive as {@code [β1, β2, step size, sqrt(1 −
 * β2^t), ε]}.
 */
final class AdamStepScript {

    static final String CLASS_NAME = "AdamStep";

    static final String SOURCE =
            TorchScriptArchive.forwardSource(
                    CLASS_NAME,
                    List.of(
                            "params: List[Tensor]",
                            "exp_avg: List[Tensor]",
                            "exp_avg_sq: List[Tensor]",
                            "hyper: List[float]"),
                    "int",
                    "beta1 = hyper[0]",
                    "beta2 = hyper[1]",
                    "step_size = hyper[2]",
                    "bias_correction2_sqrt = hyper[3]",
                    "eps = hyper[4]",
                    "repaired = 0",
                    "for i in range(len(params)):",
                    "  grad = params[i].grad",
                    "  if grad is not None:",
                    "    if not bool(torch.isfinite(torch.sum(grad))):",
                    "      grad.nan_to_num_(0., 100000., -100000.)",
                    "      repaired = repaired + 1",
                    "    m = exp_avg[i]",
                    "    v = exp_avg_sq[i]",
                    "    m.lerp_(grad, 1. - beta1)",
                    "    v.mul_(beta2).addcmul_(grad, grad, value=1. - beta2)",
                    "    denom = v.sqrt().div_(bias_correction2_sqrt).add_(eps)",
                    "    params[i].addcdiv_(m, denom, value=-step_size)",
                    "    grad.zero_()",
                    "return repaired");

    private AdamStepScript() {}

    /** The archive bytes, identical on every call. */
    static byte[] bytes() {
        return TorchScriptArchive.write(CLASS_NAME, SOURCE);
    }
}
