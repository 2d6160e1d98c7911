package sc.fiji.stylegan2.training;

import java.util.Locale;

/**
 * Named training setups, after the official {@code train.py} {@code cfg_specs}
 * (stylegan2-ada-pytorch), for one device. Each gives the networks' size, the minibatch, the
 * minibatch-stddev group, the learning rate, R1 γ, the G_ema half-life and ramp-up, and the default
 * length.
 */
public enum TrainingConfig {
    /**
     * For a CPU: z = w = 128, mapping 2, channel base 2048, at most 64 channels, batch 8,
     * minibatch-stddev group 4, γ and EMA as {@code auto}. Not an official setup: sized so that ten
     * minutes on two CPU cores give recognisable 32 px images.
     */
    SMALL,
    /**
     * Official {@code auto} for one GPU: batch {@code min(4096 / res, 32)}, group {@code min(batch,
     * 4)}, channel base 16384 (32768 from 512 px), mapping 2, lr 0.0025 (0.002 at 1024 px), γ =
     * 0.0002 · res² / batch, EMA {@code batch · 10 / 32} kimg with ramp-up 0.05.
     */
    AUTO,
    /**
     * Official {@code cifar}: batch 64, group 32, channel base 32768, mapping 2, γ 0.01, EMA 500
     * kimg with ramp-up 0.05, no path length regularisation and no style mixing. Deviation: the
     * official one also switches D to the {@code orig} architecture; this project's D is always
     * {@code resnet}.
     */
    CIFAR,
    /**
     * Official {@code paper256}: batch 64, group 8, channel base 16384, mapping 8, γ 1, EMA 20
     * kimg.
     */
    PAPER256;

    /** The key users type: {@code small}, {@code auto}, {@code cifar}, {@code paper256}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user key, case-insensitively, with a message listing the valid keys. */
    public static TrainingConfig parse(String text) {
        for (TrainingConfig c : values()) {
            if (c.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "config '" + text + "' is not valid: use auto, small, cifar or paper256");
    }

    /** The official {@code auto} minibatch for one device: {@code max(min(4096 / res, 32), 1)}. */
    static int autoBatch(int resolution) {
        return Math.max(Math.min(4096 / resolution, 32), 1);
    }

    /** Applies this setup's values to a builder (before the caller's own overrides). */
    void applyTo(TrainingOptions.Builder b, int resolution) {
        switch (this) {
            case SMALL ->
                    b.network(128, 2, 2048, 64)
                            .optBatchSize(8)
                            .optMbstdGroup(4)
                            .optTotalKimg(500)
                            .optEmaRampup(0.05);
            case AUTO -> {
                int batch = autoBatch(resolution);
                b.network(512, 2, resolution >= 512 ? 32768 : 16384, 512)
                        .optBatchSize(batch)
                        .optMbstdGroup(Math.min(batch, 4))
                        .optLearningRate(resolution >= 1024 ? 0.002 : 0.0025)
                        .optTotalKimg(25000)
                        .optEmaRampup(0.05);
            }
            case CIFAR ->
                    b.network(512, 2, 32768, 512)
                            .optBatchSize(64)
                            .optMbstdGroup(32)
                            .optTotalKimg(100000)
                            .optR1Gamma(0.01)
                            .optEmaKimg(500)
                            .optEmaRampup(0.05)
                            .optPlWeight(0)
                            .optStyleMixingProb(0);
            case PAPER256 ->
                    b.network(512, 8, 16384, 512)
                            .optBatchSize(64)
                            .optMbstdGroup(8)
                            .optTotalKimg(25000)
                            .optR1Gamma(1)
                            .optEmaKimg(20)
                            .optEmaRampup(null);
            default -> throw new IllegalStateException(name());
        }
    }
}
