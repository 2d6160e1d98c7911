package sc.fiji.stylegan2.model.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * The augmentation pipe of an official snapshot ({@code augment_pipe}, NVlabs stylegan2-ada-pytorch
 * {@code training.augment.AugmentPipe}; Karras et al. 2020b, "Training Generative Adversarial
 * Networks with Limited Data", Appendix B): the overall probability p that the ADA heuristic tuned
 * (its buffer {@code p}) and the probability multiplier of each operation it applies, which {@code
 * train.py --augpipe} chose ({@code bgc} by default: x-flips, 90° rotations, integer translation,
 * isotropic and anisotropic scaling, rotation, fractional translation, brightness, contrast, luma
 * flip, hue, saturation).
 *
 * @param p the augmentation probability p (the official code clamps it only below, at 0)
 * @param opWeights the operations with a non-zero multiplier, by official name ({@code xflip},
 *     {@code rotate90}, {@code xint}, {@code scale}, ...), in {@link #OPS} order
 */
public record OfficialAugmentPipe(double p, Map<String, Double> opWeights) {

    /** The operations of the official pipe, by the names of its constructor arguments. */
    public static final List<String> OPS =
            List.of(
                    "xflip",
                    "rotate90",
                    "xint",
                    "scale",
                    "rotate",
                    "aniso",
                    "xfrac",
                    "brightness",
                    "contrast",
                    "lumaflip",
                    "hue",
                    "saturation",
                    "imgfilter",
                    "noise",
                    "cutout");

    public OfficialAugmentPipe {
        opWeights = Map.copyOf(opWeights);
    }

    /** The names of the operations it applies, in {@link #OPS} order. */
    public List<String> ops() {
        return OPS.stream().filter(opWeights::containsKey).toList();
    }
}
