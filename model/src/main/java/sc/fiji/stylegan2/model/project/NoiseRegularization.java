package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * Noise regularisation of the projector (StyleGAN2 appendix D, "we normalize ... and penalize the
 * autocorrelation"): keeps the optimised noise maps from encoding the image. For every map, at
 * every level of a 2x2 average-pooled pyramid down to 8x8, the squared mean products of the map
 * with itself shifted by one pixel, horizontally and vertically (wrapping around, {@code
 * torch.roll}):
 *
 * <pre>
 *   L_n = Σ_maps Σ_levels ( mean(n · roll_x(n))² + mean(n · roll_y(n))² )
 * </pre>
 *
 * White noise scores about 0; a checkerboard scores 1 + 1 at its full resolution (products −1) and
 * 0 after pooling. The total loss weighs it by {@link #OFFICIAL_WEIGHT}.
 */
public final class NoiseRegularization {

    /** The official weight of L_n in the projection loss (1e5). */
    public static final double OFFICIAL_WEIGHT = 1e5;

    /** The pyramid stops at this size. */
    private static final int SMALLEST = 8;

    private NoiseRegularization() {}

    /** L_n per image: {@code [N]} from maps {@code [N, 1, R, R]} (each map its own pyramid). */
    public static NDArray perImage(Collection<NDArray> maps) {
        NDArray total = null;
        for (NDArray map : maps) {
            NDArray term = ofMap(map);
            total = total == null ? term : total.add(term);
        }
        if (total == null) {
            throw new IllegalArgumentException("no noise maps");
        }
        return total;
    }

    private static NDArray ofMap(NDArray noise) {
        NDArray sum = null;
        while (true) {
            // mean(n · roll(n, 1, x))² + mean(n · roll(n, 1, y))²
            NDArray x = meanPerImage(noise.mul(roll(noise, 3))).square();
            NDArray y = meanPerImage(noise.mul(roll(noise, 2))).square();
            NDArray level = x.add(y);
            sum = sum == null ? level : sum.add(level);
            long size = noise.getShape().get(2);
            if (size <= SMALLEST) {
                return sum;
            }
            noise = averagePool2(noise);
        }
    }

    /** {@code torch.roll(n, 1, axis)}: the last row/column comes first. */
    static NDArray roll(NDArray n, int axis) {
        long len = n.getShape().get(axis);
        String head = axis == 3 ? ":, :, :, {}:" : ":, :, {}:, :";
        String tail = axis == 3 ? ":, :, :, :{}" : ":, :, :{}, :";
        return n.get(new NDIndex(head, len - 1)).concat(n.get(new NDIndex(tail, len - 1)), axis);
    }

    /** 2x2 average pooling {@code [N, 1, H, W] → [N, 1, H/2, W/2]}. */
    static NDArray averagePool2(NDArray n) {
        long[] s = n.getShape().getShape();
        return Scalars.mul(
                n.reshape(s[0], s[1], s[2] / 2, 2, s[3] / 2, 2).sum(new int[] {3, 5}), 0.25);
    }

    /** The mean over all but the first axis: {@code [N, ...] → [N]} (DJL's mean takes one axis). */
    static NDArray meanPerImage(NDArray x) {
        return x.reshape(x.getShape().get(0), -1).mean(new int[] {1});
    }
}
