package sc.fiji.stylegan2.training.data;

/**
 * The augmentation of a training run (ADA, Karras et al. 2020b): the mode and the values of the
 * official {@code train.py} / {@code training_loop} that belong to it. Defaults as the official:
 * {@code ada}, p from 0, target 0.6, ada_kimg 500.
 *
 * @param mode none, adaptive or fixed
 * @param p the probability of {@code fixed}; where {@code ada} starts (official: 0); 0 for {@code
 *     none}
 * @param target the r_t target of {@code ada} (0.6; Sec. 3 finds 0.6 best across data set sizes)
 * @param adaKimg thousands of images for the heuristic to move p from 0 to 1 (500; the official
 *     cifar setup uses 100 to react faster)
 */
public record AugmentOptions(AugmentMode mode, double p, double target, double adaKimg) {

    public AugmentOptions {
        if (mode == null) {
            throw new IllegalArgumentException("augment mode is missing");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("augment_p must be in [0, 1], got " + p);
        }
        if (mode == AugmentMode.NONE && p != 0) {
            throw new IllegalArgumentException("augment none takes no augment_p, got " + p);
        }
        if (!(target > -1 && target < 1)) {
            throw new IllegalArgumentException("ada_target must lie in (-1, 1), got " + target);
        }
        if (!(adaKimg > 0) || Double.isInfinite(adaKimg)) {
            throw new IllegalArgumentException(
                    "ada_kimg must be a finite number > 0, got " + adaKimg);
        }
    }

    /** The official default: adaptive, p from 0, target 0.6, ada_kimg 500. */
    public static AugmentOptions ada() {
        return new AugmentOptions(AugmentMode.ADA, 0, 0.6, 500);
    }

    /** No augmentation. */
    public static AugmentOptions none() {
        return new AugmentOptions(AugmentMode.NONE, 0, 0.6, 500);
    }

    /** A fixed probability p. */
    public static AugmentOptions fixed(double p) {
        return new AugmentOptions(AugmentMode.FIXED, p, 0.6, 500);
    }

    /** These options with p as the starting ({@code ada}) or fixed probability. */
    public AugmentOptions withP(double p) {
        return new AugmentOptions(mode, p, target, adaKimg);
    }

    public AugmentOptions withTarget(double target) {
        return new AugmentOptions(mode, p, target, adaKimg);
    }

    public AugmentOptions withAdaKimg(double adaKimg) {
        return new AugmentOptions(mode, p, target, adaKimg);
    }

    /**
     * The augment pipe of a run: {@code ada} continues from {@code saved} (a new run's state holds
     * {@link #p}); {@code fixed} and {@code none} keep their own p, whatever was saved.
     */
    public AdaptiveAugment pipe(AdaptiveAugment.State saved) {
        AdaptiveAugment.Builder b = AdaptiveAugment.builder().optAdaKimg(adaKimg);
        return switch (mode) {
            case NONE -> b.optTarget(null).optInitialProbability(0).build();
            case FIXED -> b.optTarget(null).optInitialProbability(p).build();
            case ADA -> {
                AdaptiveAugment pipe = b.optTarget(target).build();
                pipe.restore(saved);
                yield pipe;
            }
        };
    }
}
