package sc.fiji.stylegan2.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * Path length regularisation (StyleGAN2 Sec. 3.2, Eq. 4): a fixed-size step in W should change the
 * image by a fixed amount, whatever the direction. With J_w = ∂g(w)/∂w and y a random image:
 *
 * <pre>
 *   E_{w,y} ( ‖J_wᵀ y‖₂ − a )²,      y ~ N(0, I) / sqrt(H·W),   a = running mean of ‖J_wᵀ y‖₂
 * </pre>
 *
 * Official {@code Gpl}: {@code pl_grads = ∇_ws Σ(img·y)}; {@code pl_lengths = sqrt(mean_ws(Σ_w
 * pl_grads²))}; {@code pl_mean = lerp(pl_mean, mean(pl_lengths), pl_decay)} (kept, and also used
 * inside the penalty with its gradient through {@code mean(pl_lengths)}); {@code pl_penalty =
 * (pl_lengths − pl_mean)²}; loss {@code pl_penalty · pl_weight}.
 */
public final class PathLengthPenalty {

    private final double weight;
    private final double decay;
    private final GradientOp gradientOp;
    private double plMean;

    /**
     * @param weight pl_weight (2)
     * @param decay pl_decay of the running mean (0.01)
     * @param plMean the running mean a so far (0 at the start, restored on resume)
     */
    public PathLengthPenalty(double weight, double decay, double plMean, GradientOp gradientOp) {
        this.weight = requireWeight(weight);
        this.decay = requireDecay(decay);
        this.plMean = plMean;
        this.gradientOp = gradientOp;
    }

    /** {@code pl_weight}: a finite number ≥ 0 (0 disables the penalty). */
    public static double requireWeight(double weight) {
        if (!(Double.isFinite(weight) && weight >= 0)) {
            throw new IllegalArgumentException("pl_weight must be >= 0, got " + weight);
        }
        return weight;
    }

    /** {@code pl_decay}: in [0, 1]. */
    public static double requireDecay(double decay) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("pl_decay must be in [0, 1], got " + decay);
        }
        return decay;
    }

    /** The running mean a of the path lengths. */
    public double plMean() {
        return plMean;
    }

    public double weight() {
        return weight;
    }

    /** The random image y ~ N(0, I)/sqrt(H·W), shaped like {@code img}. */
    public static NDArray noise(NDArray img) {
        Shape s = img.getShape();
        return img.getManager()
                .randomNormal(s)
                .div((float) Math.sqrt((double) s.get(2) * s.get(3)));
    }

    /**
     * The penalty {@code (‖J_wᵀ y‖ − a)²} per image {@code [N]}, differentiable w.r.t. G's weights;
     * updates the running mean a.
     *
     * @param img g(ws) {@code [N, C, H, W]}, computed inside the gradient collector
     * @param ws the ws that made it {@code [N, num_ws, w_dim]}
     * @param noise y, shaped like img
     */
    public NDArray penalty(NDArray img, NDArray ws, NDArray noise) {
        NDArray grads = gradientOp.gradient(img.mul(noise), ws); // J_wᵀ y, [N, num_ws, w_dim]
        NDArray lengths = grads.square().sum(new int[] {2}).mean(new int[] {1}).sqrt(); // [N]
        // a ← a + decay · (mean(lengths) − a), with the gradient through mean(lengths) as the
        // official lerp.
        // Java scalars go in as float: DJL makes a double a float64 tensor, which would promote
        // 0-dim results.
        NDArray mean = Scalars.mul(lengths.mean().sub((float) plMean), decay).add((float) plMean);
        plMean = mean.getFloat();
        return lengths.sub(mean).square();
    }

    /** The loss term {@code pl_weight · penalty} per image. */
    public NDArray loss(NDArray penalty) {
        return Scalars.mul(penalty, weight);
    }
}
