package sc.fiji.stylegan2.training.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Adaptive discriminator augmentation (Karras et al. 2020b, "Training Generative Adversarial
 * Networks with Limited Data"): every image the discriminator sees, real or generated, is
 * augmented, each operation applied with probability p, and p is tuned by the overfitting heuristic
 * (Sec. 3, Eq. 1)
 *
 * <pre>
 *   r_t = E[sign(D(x_real))]       target 0.6
 *   p ← max(0, p + sign(r_t − target) · (batch · interval) / (ada_kimg · 1000))
 * </pre>
 *
 * evaluated every {@code interval} minibatches ({@code ada_interval = 4}, {@code ada_kimg = 500}: p
 * can go from 0 to 1 in 500k images). The operations are NDArray ops on {@code [N, C, H, W]}, so
 * gradients flow through them to the generator: the geometric ones are one per-image pixel
 * permutation (a {@code gather}), the colour ones an affine map per image. {@code StyleGAN2Loss}
 * applies it in its {@code runD} (the official {@code run_D}) to the fakes of Gmain and Dmain and
 * to the reals of Dmain and Dreg; {@code TrainingSession} feeds each minibatch's real-logit signs
 * to {@link #update} and saves {@link #state} in checkpoints.
 *
 * <p>Deviations: only {@link AugmentOp}'s subset of {@code bgc} (no fractional translation,
 * isotropic or anisotropic scaling, arbitrary rotation, luma flip, hue or saturation, which need
 * resampling filters); integer translation wraps around instead of reflecting at the border, so it
 * stays a permutation; p is clamped to [0, 1] (the official clamps only below).
 */
public final class AdaptiveAugment {

    private final Set<AugmentOp> ops;
    private final Double target;
    private final int interval;
    private final double adaKimg;
    private double p;
    private long signSum;
    private long signCount;
    private int batches;
    private double lastRt = Double.NaN;

    /**
     * The heuristic's state, saved in checkpoints so that a resumed run adapts p exactly as an
     * uninterrupted one would: p and the signs gathered since the last adjustment.
     *
     * @param p the augmentation probability, in [0, 1]
     * @param signSum Σ sign(D(x_real)) since the last adjustment
     * @param signCount real logits since the last adjustment
     * @param batches minibatches since the last adjustment
     */
    public record State(double p, long signSum, long signCount, int batches) {

        public State {
            if (!(p >= 0 && p <= 1)
                    || signCount < 0
                    || Math.abs(signSum) > signCount
                    || batches < 0) {
                throw new IllegalArgumentException(
                        "invalid augmentation state: p "
                                + p
                                + ", "
                                + signSum
                                + " of "
                                + signCount
                                + " signs, "
                                + batches
                                + " minibatches");
            }
        }

        /** Probability {@code p}, nothing gathered yet. */
        public static State initial(double p) {
            return new State(p, 0, 0, 0);
        }
    }

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

    /** The state to save in a checkpoint. */
    public State state() {
        return new State(p, signSum, signCount, batches);
    }

    /** Continues from a saved state: p and the signs gathered since the last adjustment. */
    public void restore(State s) {
        p = s.p();
        signSum = s.signSum();
        signCount = s.signCount();
        batches = s.batches();
    }

    /** The last r_t used to adjust p (NaN before the first adjustment). */
    public double lastRt() {
        return lastRt;
    }

    /**
     * Augments {@code [N, C, H, W]} images (differentiably); returns {@code images} itself, with no
     * op and no random draw, when p is 0. Every random choice comes from {@code rng}.
     */
    public NDArray apply(NDArray images, RandomGenerator rng) {
        if (p <= 0 || ops.isEmpty()) {
            return images;
        }
        Shape s = images.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("expected images [N, C, H, W], got " + s);
        }
        int n = (int) s.get(0), c = (int) s.get(1), h = (int) s.get(2), w = (int) s.get(3);
        if (ops.contains(AugmentOp.ROTATE90) && h != w) {
            throw new IllegalArgumentException(
                    "90° rotations need square images, got " + h + " x " + w);
        }
        NDArray x = images;
        long[] index = PixelPermutation.draw(ops, p, n, c, h, w, rng);
        if (index != null) {
            NDManager m = images.getManager();
            NDArray idx = m.create(index, new Shape(n, c, (long) h * w));
            x =
                    x.reshape(n, c, (long) h * w)
                            .gather(idx, 2)
                            .reshape(s); // x'[i, c, o] = x[i, c, src_i(o)]
        }
        return colour(x, n, rng);
    }

    /**
     * Brightness then contrast, as ADA's colour matrix {@code C = S(c) T(b)}: {@code x' = c (x +
     * b)}.
     */
    private NDArray colour(NDArray x, int n, RandomGenerator rng) {
        boolean bright = ops.contains(AugmentOp.BRIGHTNESS),
                contrast = ops.contains(AugmentOp.CONTRAST);
        if (!bright && !contrast) {
            return x;
        }
        float[] mul = new float[n], add = new float[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double b =
                    bright && rng.nextDouble() < p
                            ? rng.nextGaussian() * 0.2
                            : 0; // brightness_std 0.2
            double k =
                    contrast && rng.nextDouble() < p
                            ? Math.pow(2, rng.nextGaussian() * 0.5)
                            : 1; // contrast_std 0.5
            mul[i] = (float) k;
            add[i] = (float) (k * b);
            any |= b != 0 || k != 1;
        }
        if (!any) {
            return x;
        }
        NDManager m = x.getManager();
        return x.mul(m.create(mul, new Shape(n, 1, 1, 1)))
                .add(m.create(add, new Shape(n, 1, 1, 1)));
    }

    /**
     * Feeds the discriminator's logits on real images of one minibatch; every {@code interval}
     * minibatches p moves by {@code sign(r_t − target) · images / (ada_kimg · 1000)} (no-op when p
     * is fixed).
     */
    public void update(float[] realLogits) {
        long sum = 0;
        for (float l : realLogits) {
            sum += (long) Math.signum(l);
        }
        update(sum, realLogits.length);
    }

    /**
     * Feeds one minibatch: {@code signSum = Σ sign(D(x_real))} over its {@code count} real images.
     * Every {@code interval} minibatches (official: when {@code batch_idx % ada_interval == 0}
     * after the step), Eq. 1: {@code p ← max(0, p + sign(r_t − target) · batch · interval /
     * (ada_kimg · 1000))}, with r_t the mean sign over those minibatches. No-op when p is fixed.
     */
    public void update(long signSum, int count) {
        if (target == null) {
            return;
        }
        this.signSum += signSum;
        this.signCount += count;
        if (++batches < interval) {
            return;
        }
        lastRt = (double) this.signSum / this.signCount;
        double adjust = Math.signum(lastRt - target) * this.signCount / (adaKimg * 1000);
        setProbability(p + adjust);
        this.signSum = 0;
        this.signCount = 0;
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
                throw new IllegalArgumentException(
                        "need interval >= 1, ada_kimg > 0 and 0 <= p <= 1");
            }
            if (target != null && !(target > -1 && target < 1)) {
                throw new IllegalArgumentException("ADA target must lie in (-1, 1), got " + target);
            }
            return new AdaptiveAugment(this);
        }
    }
}
