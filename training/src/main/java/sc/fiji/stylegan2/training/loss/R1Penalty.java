package sc.fiji.stylegan2.training.loss;

import ai.djl.ndarray.NDArray;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * The R1 gradient penalty on real images (Mescheder et al. 2018, "Which training methods for GANs
 * do actually converge?", Eq. 9), which StyleGAN2 keeps with lazy evaluation (Sec. 3.1):
 *
 * <pre>
 *   R1(x) = γ/2 · ‖∇_x D(x)‖²        per real image x, the gradient of the logit w.r.t. the pixels
 * </pre>
 *
 * Official {@code r1_penalty = r1_grads.square().sum([1,2,3])}, {@code loss_Dr1 = r1_penalty *
 * (r1_gamma / 2)}.
 */
public final class R1Penalty {

    private final double gamma;
    private final GradientOp gradientOp;

    /**
     * @param gamma the regularisation weight γ
     */
    public R1Penalty(double gamma, GradientOp gradientOp) {
        this.gamma = requireGamma(gamma);
        this.gradientOp = gradientOp;
    }

    /** {@code r1_gamma}: a finite number ≥ 0 (0 disables the penalty). */
    public static double requireGamma(double gamma) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException(
                    "r1_gamma must be a finite number >= 0, got " + gamma);
        }
        return gamma;
    }

    public double gamma() {
        return gamma;
    }

    /**
     * {@code ‖∇_x D(x)‖²} per image {@code [N]}, differentiable w.r.t. D's weights.
     *
     * @param realLogits D(x) {@code [N, 1]}, computed inside the gradient collector
     * @param reals x {@code [N, C, H, W]}, a leaf that requires a gradient
     */
    public NDArray penalty(NDArray realLogits, NDArray reals) {
        // ∇ of the summed logits, as the official code: minibatch stddev couples the images of a
        // group, so
        // row n also carries the other images' dependence on x_n.
        NDArray grads = gradientOp.gradient(realLogits, reals); // [N, C, H, W]
        return grads.square().sum(new int[] {1, 2, 3});
    }

    /** The loss term {@code γ/2 · penalty} per image. */
    public NDArray loss(NDArray penalty) {
        return Scalars.mul(penalty, gamma / 2);
    }
}
