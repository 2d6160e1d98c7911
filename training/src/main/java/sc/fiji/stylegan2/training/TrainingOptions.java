package sc.fiji.stylegan2.training;

import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.loss.LossOptions;

/**
 * Everything a training run needs besides the data, immutable: the networks, the objective, Adam,
 * G_ema and the schedule. Start from a named setup with {@link #builder(TrainingConfig, int, int)}
 * and override values with {@code opt...}; {@link Builder#build()} validates and fills the values
 * the official {@code auto} setup derives from the minibatch: R1 γ = 0.0002 · res² / batch and the
 * G_ema half-life batch · 10 / 32 kimg.
 *
 * @param config the named setup it started from
 * @param generator G (and G_ema) hyper-parameters
 * @param discriminator D hyper-parameters (minibatch-stddev group included)
 * @param loss the objective's weights and lazy-regularisation intervals
 * @param batchSize images per minibatch
 * @param learningRate Adam's lr for G and D before the lazy-regularisation correction (0.0025)
 * @param beta1 Adam β1 (0)
 * @param beta2 Adam β2 (0.99)
 * @param epsilon Adam ε (1e-8)
 * @param emaKimg G_ema half-life in thousands of images
 * @param emaRampup G_ema ramp-up: the half-life is at most this fraction of the images seen, or
 *     null for none
 * @param totalKimg training length in thousands of real images shown to D
 * @param tickKimg progress and CSV line every this many kimg (Deviation: 1 by default, the official
 *     4 kimg being several minutes on a CPU)
 * @param snapshotKimg checkpoint and image grid every this many kimg (at the next tick)
 * @param seed seed of initialisation and of every random draw (with the minibatch index)
 * @param gridImages fixed-seed images in each snapshot grid (seeds 0, 1, ...)
 * @param mirror x-flips: each drawn real image is mirrored left-right with probability ½ (official
 *     {@code --mirror}, off by default)
 * @param augment the discriminator's input augmentation (ADA; official default {@code ada}, p from
 *     0)
 * @param growing progressive growing's schedule, or null for training at full resolution
 *     throughout; only for the original StyleGAN ({@code generator.architecture()} {@code
 *     stylegan1})
 * @param precision the number format of G's and D's convolutions, {@link Precision#FP32} or {@link
 *     Precision#BF16} ({@link Precision#AUTO} is resolved for this processor when built, so a
 *     checkpoint records what ran and a resumed run computes the same)
 */
public record TrainingOptions(
        TrainingConfig config,
        GeneratorConfig generator,
        DiscriminatorConfig discriminator,
        LossOptions loss,
        int batchSize,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double emaKimg,
        Double emaRampup,
        double totalKimg,
        double tickKimg,
        double snapshotKimg,
        long seed,
        int gridImages,
        boolean mirror,
        AugmentOptions augment,
        GrowingSchedule growing,
        Precision precision) {

    public TrainingOptions {
        require(
                generator.resolution() == discriminator.resolution()
                        && generator.imgChannels() == discriminator.imgChannels(),
                "G and D must have the same image size");
        require(batchSize >= 1, "batch_size must be >= 1, got " + batchSize);
        int group = Math.min(discriminator.mbstdGroupSize(), batchSize);
        require(
                batchSize % group == 0,
                "batch_size "
                        + batchSize
                        + " must be a multiple of the minibatch-stddev group "
                        + group);
        require(
                learningRate > 0 && Double.isFinite(learningRate),
                "learning rate must be > 0, got " + learningRate);
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1)");
        require(epsilon > 0, "Adam epsilon must be > 0");
        require(emaKimg >= 0 && Double.isFinite(emaKimg), "ema_kimg must be >= 0, got " + emaKimg);
        require(emaRampup == null || emaRampup > 0, "ema_rampup must be > 0 or absent");
        require(totalKimg > 0 && Double.isFinite(totalKimg), "kimg must be > 0, got " + totalKimg);
        require(tickKimg > 0, "tick length must be > 0 kimg, got " + tickKimg);
        require(snapshotKimg > 0, "snapshot_kimg must be > 0, got " + snapshotKimg);
        require(gridImages >= 0, "grid images must be >= 0");
        require(augment != null, "augmentation options are missing");
        require(
                growing == null || generator.architecture() == Architecture.STYLEGAN1,
                "growing=true needs architecture='stylegan1': StyleGAN2 trains at full"
                        + " resolution (StyleGAN2 Sec. 4 replaced progressive growing)");
        require(
                precision == Precision.FP32 || precision == Precision.BF16,
                "precision must be resolved to fp32 or bf16, got " + precision);
    }

    /**
     * The minibatch after {@code nimg} images: {@link #batchSize} or, while growing, the larger
     * batch of the current resolution.
     */
    public int batchSizeAt(long nimg) {
        return growing == null ? batchSize : growing.batchSize(batchSize, lodAt(nimg));
    }

    /** The level of detail after {@code nimg} images: 0 unless growing. */
    public double lodAt(long nimg) {
        return growing == null ? 0 : growing.lod(nimg, resolution());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public int resolution() {
        return generator.resolution();
    }

    public int imgChannels() {
        return generator.imgChannels();
    }

    /** Total training images. */
    public long totalNimg() {
        return Math.round(totalKimg * 1000);
    }

    /** A builder holding the values of a named setup for images of this size. */
    public static Builder builder(TrainingConfig config, int resolution, int imgChannels) {
        Builder b = new Builder(config, resolution, imgChannels);
        config.applyTo(b, resolution);
        return b;
    }

    /**
     * These options with other networks, e.g. those of an official snapshot being resumed; the
     * objective, Adam and schedule stay.
     *
     * @throws IllegalArgumentException when the networks do not fit these options (image size,
     *     minibatch-stddev group)
     */
    public TrainingOptions withNetworks(GeneratorConfig g, DiscriminatorConfig d) {
        return new TrainingOptions(
                config,
                g,
                d,
                loss,
                batchSize,
                learningRate,
                beta1,
                beta2,
                epsilon,
                emaKimg,
                emaRampup,
                totalKimg,
                tickKimg,
                snapshotKimg,
                seed,
                gridImages,
                mirror,
                augment,
                growing,
                precision);
    }

    /** A builder holding these options (for resume with a longer schedule). */
    public Builder toBuilder() {
        Builder b = new Builder(config, resolution(), imgChannels());
        b.generator = generator;
        b.mbstdGroup = discriminator.mbstdGroupSize();
        return b.optBatchSize(batchSize)
                .optLearningRate(learningRate)
                .optBetas(beta1, beta2)
                .optEpsilon(epsilon)
                .optLoss(loss)
                .optEmaKimg(emaKimg)
                .optEmaRampup(emaRampup)
                .optTotalKimg(totalKimg)
                .optTickKimg(tickKimg)
                .optSnapshotKimg(snapshotKimg)
                .optSeed(seed)
                .optGridImages(gridImages)
                .optMirror(mirror)
                .optAugment(augment)
                .optGrowing(growing)
                .optPrecision(precision);
    }

    /** Builder: each {@code opt...} replaces the setup's value. */
    public static final class Builder {
        private final TrainingConfig config;
        private final int resolution;
        private final int imgChannels;
        private GeneratorConfig generator;
        private int mbstdGroup = 4;
        private int batchSize = 8;
        private double learningRate = 0.0025;
        private double beta1 = 0;
        private double beta2 = 0.99;
        private double epsilon = 1e-8;
        private LossOptions loss = LossOptions.official(0);
        private boolean r1GammaSet;
        private Double emaKimg;
        private Double emaRampup;
        private double totalKimg = 25000;
        private double tickKimg = 1;
        private double snapshotKimg = 10;
        private long seed = 0;
        private int gridImages = 32;
        private boolean mirror;
        private AugmentOptions augment = AugmentOptions.ada();
        private GrowingSchedule growing;
        private Architecture architecture;
        private Precision precision = Precision.FP32;

        private Builder(TrainingConfig config, int resolution, int imgChannels) {
            this.config = config;
            this.resolution = resolution;
            this.imgChannels = imgChannels;
        }

        /**
         * The networks' size: z = w = {@code latent}, mapping layers, channel rule; no conv clamp,
         * as the official {@code train.py --fp32}: the clamp at 256 guards float16 activations
         * against overflow, and training here is float32 throughout (on CPU it would cost a clamp
         * and its backward per layer).
         */
        public Builder network(int latent, int mappingLayers, int channelBase, int channelMax) {
            generator =
                    GeneratorConfig.builder()
                            .setZDim(latent)
                            .setWDim(latent)
                            .setMappingLayers(mappingLayers)
                            .setResolution(resolution)
                            .setImgChannels(imgChannels)
                            .setChannelBase(channelBase)
                            .setChannelMax(channelMax)
                            .build();
            return this;
        }

        /**
         * Conditions the networks on {@code classes} classes (official {@code --cond}: {@code
         * c_dim} = the data's number of labels; G embeds the one-hot label in its mapping, D gets
         * the official label mapping and projection head); 0 for an unconditional model. Call after
         * {@link #network}.
         */
        public Builder optClasses(int classes) {
            if (generator == null) {
                throw new IllegalStateException("set the network before the classes");
            }
            generator = generator.toBuilder().optCDim(classes).optEmbedFeatures(null).build();
            return this;
        }

        /** Replaces the generator config (resolution and channels must match the data). */
        public Builder optGenerator(GeneratorConfig g) {
            generator = g;
            return this;
        }

        public Builder optMbstdGroup(int v) {
            mbstdGroup = v;
            return this;
        }

        public Builder optBatchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder optLearningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder optBetas(double b1, double b2) {
            beta1 = b1;
            beta2 = b2;
            return this;
        }

        public Builder optEpsilon(double v) {
            epsilon = v;
            return this;
        }

        public Builder optLoss(LossOptions v) {
            loss = v;
            r1GammaSet = true;
            return this;
        }

        public Builder optR1Gamma(double v) {
            loss = loss.withR1Gamma(v);
            r1GammaSet = true;
            return this;
        }

        public Builder optRegIntervals(int r1Every, int plEvery) {
            loss = loss.withIntervals(r1Every, plEvery);
            return this;
        }

        public Builder optPlWeight(double v) {
            loss = loss.withPlWeight(v);
            return this;
        }

        public Builder optStyleMixingProb(double v) {
            loss = loss.withStyleMixingProb(v);
            return this;
        }

        public Builder optEmaKimg(double v) {
            emaKimg = v;
            return this;
        }

        public Builder optEmaRampup(Double v) {
            emaRampup = v;
            return this;
        }

        public Builder optTotalKimg(double v) {
            totalKimg = v;
            return this;
        }

        public Builder optTickKimg(double v) {
            tickKimg = v;
            return this;
        }

        public Builder optSnapshotKimg(double v) {
            snapshotKimg = v;
            return this;
        }

        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        public Builder optGridImages(int v) {
            gridImages = v;
            return this;
        }

        public Builder optMirror(boolean v) {
            mirror = v;
            return this;
        }

        public Builder optAugment(AugmentOptions v) {
            augment = v;
            return this;
        }

        /** Progressive growing (only with {@code stylegan1}); null, the default, for none. */
        public Builder optGrowing(GrowingSchedule v) {
            growing = v;
            return this;
        }

        /**
         * The networks' architecture; null, the default, keeps the generator config's (StyleGAN2
         * unless given). Deviation for {@code stylegan1}: it trains with this loop's loss, lazy R1
         * included; call {@link #optPlWeight} 0 for the official v1 objective (no path-length
         * penalty).
         */
        public Builder optArchitecture(Architecture v) {
            architecture = v;
            return this;
        }

        /** The number format ({@link Precision#AUTO} is resolved for this processor). */
        public Builder optPrecision(Precision v) {
            precision = v;
            return this;
        }

        /**
         * Validates and builds. Deviation: the official {@code auto} setup derives γ and the EMA
         * half-life from its own minibatch even when {@code --batch} overrides it; here they follow
         * the batch in use, which is what the heuristic is about.
         */
        public TrainingOptions build() {
            if (generator == null) {
                throw new IllegalArgumentException("no network size given");
            }
            if (architecture != null) {
                generator = generator.toBuilder().optArchitecture(architecture).build();
            }
            if (generator.resolution() != resolution || generator.imgChannels() != imgChannels) {
                throw new IllegalArgumentException(
                        "the generator does not match "
                                + resolution
                                + " px, "
                                + imgChannels
                                + " channel(s)");
            }
            LossOptions l =
                    r1GammaSet
                            ? loss
                            : loss.withR1Gamma(0.0002 * resolution * resolution / batchSize);
            double ema = emaKimg != null ? emaKimg : batchSize * 10.0 / 32;
            DiscriminatorConfig d =
                    new DiscriminatorConfig(
                            resolution,
                            imgChannels,
                            generator.channelBase(),
                            generator.channelMax(),
                            mbstdGroup,
                            1,
                            generator.convClamp());
            if (generator.conditional()) {
                d = d.withLabels(generator.cDim());
            }
            return new TrainingOptions(
                    config,
                    generator,
                    d,
                    l,
                    batchSize,
                    learningRate,
                    beta1,
                    beta2,
                    epsilon,
                    ema,
                    emaRampup,
                    totalKimg,
                    tickKimg,
                    snapshotKimg,
                    seed,
                    gridImages,
                    mirror,
                    augment,
                    growing,
                    precision == null ? null : precision.resolve());
        }
    }
}
