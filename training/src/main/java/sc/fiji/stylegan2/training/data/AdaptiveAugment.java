package sc.fiji.stylegan2.training.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * Adaptive discriminator augmentation (Karras et al. 2020b, "Training Generative Adversarial Networks with
 * Limited Data"): every image the discriminator sees, real or generated, is augmented, each operation applied
 * with probability p, and p is tuned by the overfitting heuristic (Sec. 3, Eq. 1)
 *
 * <pre>
 *   r_t = E[sign(D(x_real))]       target 0.6
 *   p ← max(0, p + sign(r_t − target) · (batch · interval) / (ada_kimg · 1000))
 * </pre>
 *
 * evaluated every {@code interval} minibatches ({@code ada_interval = 4}, {@code ada_kimg = 500}: p can go
 * from 0 to 1 in 500k images). The operations are NDArray ops on {@code [N, C, H, W]}, so gradients flow
 * through them to the generator: the geometric ones are one per-image pixel permutation (a {@code gather}),
 * the colour ones an affine map per image.
 *
 * <p>Deviations: only {@link AugmentOp}'s subset of {@code bgc} (no fractional translation, isotropic or
 * anisotropic scaling, arbitrary rotation, luma flip, hue or saturation, which need resampling filters);
 * integer translation wraps around instead of reflecting at the border, so it stays a permutation; p is
 * clamped to [0, 1] (the official clamps only below).
 */
public final class AdaptiveAugment {

    private final Set<AugmentOp> ops;
    private final Double target;
    private final int interval;
    private final double adaKimg;
    private double p;
    private double signSum;
    private long signCount;
    private int batches;
    private double lastRt = Double.NaN;

    private AdaptiveAugment(Builder b) {
        this.ops = EnumSet.copyOf(b.ops);
        this.target = b.target;
        this.interval = b.interval;
        this.adaKimg = b.adaKimg;
        this.p = b.initialP;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The current augmentation probability p. */
    public double probability() {
        return p;
    }

    /** Sets p, e.g. when resuming from a checkpoint. */
    public void setProbability(double p) {
        this.p = Math.max(0, Math.min(1, p));
    }

    /** The last r_t used to adjust p (NaN before the first adjustment). */
    public double lastRt() {
        return lastRt;
    }

    /**
     * Augments {@code [N, C, H, W]} images (differentiably); returns {@code images} itself when p is 0. Every
     * random choice comes from {@code rng}.
     */
    public NDArray apply(NDArray images, Random rng) {
        if (p <= 0 || ops.isEmpty()) {
            return images;
        }
        Shape s = images.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("expected images [N, C, H, W], got " + s);
        }
        int n = (int) s.get(0), c = (int) s.get(1), h = (int) s.get(2), w = (int) s.get(3);
        if (ops.contains(AugmentOp.ROTATE90) && h != w) {
            throw new IllegalArgumentException("90° rotations need square images, got " + h + " x " + w);
        }
        NDArray x = images;
        long[] index = PixelPermutation.draw(ops, p, n, c, h, w, rng);
        if (index != null) {
            NDManager m = images.getManager();
            NDArray idx = m.create(index, new Shape(n, c, (long) h * w));
            x = x.reshape(n, c, (long) h * w).gather(idx, 2).reshape(s); // x'[i, c, o] = x[i, c, src_i(o)]
        }
        return colour(x, n, rng);
    }

    /** Brightness then contrast, as ADA's colour matrix {@code C = S(c) T(b)}: {@code x' = c (x + b)}. */
    private NDArray colour(NDArray x, int n, Random rng) {
        boolean bright = ops.contains(AugmentOp.BRIGHTNESS), contrast = ops.contains(AugmentOp.CONTRAST);
        if (!bright && !contrast) {
            return x;
        }
        float[] mul = new float[n], add = new float[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double b = bright && rng.nextDouble() < p ? rng.nextGaussian() * 0.2 : 0; // brightness_std 0.2
            double k = contrast && rng.nextDouble() < p ? Math.pow(2, rng.nextGaussian() * 0.5) : 1; // contrast_std 0.5
            mul[i] = (float) k;
            add[i] = (float) (k * b);
            any |= b != 0 || k != 1;
        }
        if (!any) {
            return x;
        }
        NDManager m = x.getManager();
        return x.mul(m.create(mul, new Shape(n, 1, 1, 1))).add(m.create(add, new Shape(n, 1, 1, 1)));
    }

    /**
     * Feeds the discriminator's logits on real images of one minibatch; every {@code interval} minibatches p
     * moves by {@code sign(r_t − target) · images / (ada_kimg · 1000)} (no-op when p is fixed).
     */
    public void update(float[] realLogits) {
        if (target == null) {
            return;
        }
        for (float l : realLogits) {
            signSum += Math.signum(l);
        }
        signCount += realLogits.length;
        if (++batches < interval) {
            return;
        }
        lastRt = signSum / signCount;
        double adjust = Math.signum(lastRt - target) * signCount / (adaKimg * 1000);
        setProbability(p + adjust);
        signSum = 0;
        signCount = 0;
        batches = 0;
    }

    /** Options; {@code opt...} with the official ADA defaults. */
    public static final class Builder {
        private Set<AugmentOp> ops = EnumSet.allOf(AugmentOp.class);
        private Double target = 0.6;
        private int interval = 4;
        private double adaKimg = 500;
        private double initialP = 0;

        /** Which operations to apply (default all). */
        public Builder optOps(Set<AugmentOp> ops) {
            this.ops = ops.isEmpty() ? EnumSet.noneOf(AugmentOp.class) : EnumSet.copyOf(ops);
            return this;
        }

        /** The r_t target (default 0.6); null keeps p fixed at its initial value. */
        public Builder optTarget(Double target) {
            this.target = target;
            return this;
        }

        /** Minibatches between adjustments (default 4). */
        public Builder optInterval(int interval) {
            this.interval = interval;
            return this;
        }

        /** Thousands of images for p to move by 1 (default 500). */
        public Builder optAdaKimg(double adaKimg) {
            this.adaKimg = adaKimg;
            return this;
        }

        /** Initial p (default 0). */
        public Builder optInitialProbability(double p) {
            this.initialP = p;
            return this;
        }

        public AdaptiveAugment build() {
            if (interval < 1 || !(adaKimg > 0) || !(initialP >= 0 && initialP <= 1)) {
                throw new IllegalArgumentException("need interval >= 1, ada_kimg > 0 and 0 <= p <= 1");
            }
            if (target != null && !(target > -1 && target < 1)) {
                throw new IllegalArgumentException("ADA target must lie in (-1, 1), got " + target);
            }
            return new AdaptiveAugment(this);
        }
    }
}
