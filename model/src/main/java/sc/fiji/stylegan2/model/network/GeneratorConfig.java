package sc.fiji.stylegan2.model.network;

/**
 * The hyper-parameters of a StyleGAN2 generator (official {@code Generator} kwargs, StyleGAN2 paper
 * config F with architecture {@code skip}). Channels per resolution follow the official rule {@code
 * min(channelBase / res, channelMax)}. Immutable; build with {@link #builder()}.
 *
 * @param zDim latent z size
 * @param wDim intermediate latent w size
 * @param mappingLayers fully connected layers in the mapping network
 * @param resolution output resolution, a power of two 8..1024 (4 is allowed for tiny tests)
 * @param imgChannels image channels (1 grayscale, 3 RGB, any other count)
 * @param channelBase numerator of the channel rule
 * @param channelMax the most channels any block has
 * @param convClamp clamp of conv outputs (official 256 for mixed precision), or null for none
 * @param mappingLrMultiplier learning-rate multiplier of the mapping network (0.01)
 * @param wAvgBeta decay of the tracked {@code w_avg} (0.995)
 * @param cDim size of the class label c (one-hot), 0 for an unconditional model (official {@code
 *     c_dim})
 * @param embedFeatures size of the label embedding concatenated after the normalised z (official
 *     {@code embed_features}, by default {@code w_dim}); 0 when {@code cDim} is 0
 * @param architecture StyleGAN2 (the default) or the original StyleGAN; both share the mapping
 *     network and the number of ws
 */
public record GeneratorConfig(
        int zDim,
        int wDim,
        int mappingLayers,
        int resolution,
        int imgChannels,
        int channelBase,
        int channelMax,
        Double convClamp,
        double mappingLrMultiplier,
        double wAvgBeta,
        int cDim,
        int embedFeatures,
        Architecture architecture) {

    public GeneratorConfig {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture must be given");
        }
        if (architecture == Architecture.STYLEGAN1 && cDim > 0) {
            throw new IllegalArgumentException(
                    "a StyleGAN (v1) generator is unconditional here: c_dim must be 0");
        }
        if (cDim < 0) {
            throw new IllegalArgumentException("c_dim must be >= 0, got " + cDim);
        }
        if (cDim == 0 && embedFeatures != 0) {
            throw new IllegalArgumentException(
                    "an unconditional model (c_dim 0) has no label embedding");
        }
        if (cDim > 0) {
            requirePositive("embed_features", embedFeatures);
        }
        requirePositive("z_dim", zDim);
        requirePositive("w_dim", wDim);
        requirePositive("mapping layers", mappingLayers);
        requirePositive("image channels", imgChannels);
        requirePositive("channel_base", channelBase);
        requirePositive("channel_max", channelMax);
        if (resolution < 4 || resolution > 1024 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException(
                    "resolution must be a power of two from 4 to 1024, got " + resolution);
        }
        if (channelBase / resolution < 1) {
            throw new IllegalArgumentException(
                    "channel_base "
                            + channelBase
                            + " gives no channels at "
                            + resolution
                            + " px; use at least "
                            + resolution);
        }
        if (convClamp != null && !(convClamp > 0)) {
            throw new IllegalArgumentException(
                    "conv_clamp must be positive or absent, got " + convClamp);
        }
    }

    static void requirePositive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    /** Feature maps of the synthesis block at resolution {@code res}. */
    public int channels(int res) {
        return Math.min(channelBase / res, channelMax);
    }

    /** True for a class-conditional generator ({@code c_dim > 0}). */
    public boolean conditional() {
        return cDim > 0;
    }

    /** log2 of the resolution. */
    public int resolutionLog2() {
        return Integer.numberOfTrailingZeros(resolution);
    }

    /** The block resolutions 4, 8, ..., resolution. */
    public int[] blockResolutions() {
        int[] r = new int[resolutionLog2() - 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = 4 << i;
        }
        return r;
    }

    /**
     * Number of w vectors the synthesis network consumes: one per conv layer plus the last toRGB
     * (b4 has one conv, every later block two), i.e. {@code 2 * log2(res) - 2}.
     */
    public int numWs() {
        return 2 * resolutionLog2() - 2;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .setZDim(zDim)
                .setWDim(wDim)
                .setMappingLayers(mappingLayers)
                .setResolution(resolution)
                .setImgChannels(imgChannels)
                .setChannelBase(channelBase)
                .setChannelMax(channelMax)
                .optConvClamp(convClamp)
                .optMappingLrMultiplier(mappingLrMultiplier)
                .optWAvgBeta(wAvgBeta)
                .optCDim(cDim)
                .optEmbedFeatures(cDim == 0 ? null : embedFeatures)
                .optArchitecture(architecture);
    }

    /**
     * Builder: {@code set...} for required values, {@code opt...} for those with official defaults.
     */
    public static final class Builder {
        private int zDim = 512;
        private int wDim = 512;
        private int mappingLayers = 8;
        private int resolution = -1;
        private int imgChannels = 3;
        private int channelBase = 32768;
        private int channelMax = 512;
        private Double convClamp;
        private double mappingLrMultiplier = 0.01;
        private double wAvgBeta = 0.995;
        private int cDim;
        private Integer embedFeatures;
        private Architecture architecture = Architecture.STYLEGAN2;

        public Builder setZDim(int v) {
            zDim = v;
            return this;
        }

        public Builder setWDim(int v) {
            wDim = v;
            return this;
        }

        public Builder setMappingLayers(int v) {
            mappingLayers = v;
            return this;
        }

        public Builder setResolution(int v) {
            resolution = v;
            return this;
        }

        public Builder setImgChannels(int v) {
            imgChannels = v;
            return this;
        }

        public Builder setChannelBase(int v) {
            channelBase = v;
            return this;
        }

        public Builder setChannelMax(int v) {
            channelMax = v;
            return this;
        }

        public Builder optConvClamp(Double v) {
            convClamp = v;
            return this;
        }

        public Builder optMappingLrMultiplier(double v) {
            mappingLrMultiplier = v;
            return this;
        }

        public Builder optWAvgBeta(double v) {
            wAvgBeta = v;
            return this;
        }

        /**
         * Classes of a conditional model (one-hot labels); 0, the default, for an unconditional
         * one.
         */
        public Builder optCDim(int v) {
            cDim = v;
            return this;
        }

        /**
         * Size of the label embedding; null, the default, for {@code w_dim} (as the official code).
         */
        public Builder optEmbedFeatures(Integer v) {
            embedFeatures = v;
            return this;
        }

        /** StyleGAN2, the default, or the original StyleGAN. */
        public Builder optArchitecture(Architecture v) {
            architecture = v;
            return this;
        }

        public GeneratorConfig build() {
            return new GeneratorConfig(
                    zDim,
                    wDim,
                    mappingLayers,
                    resolution,
                    imgChannels,
                    channelBase,
                    channelMax,
                    convClamp,
                    mappingLrMultiplier,
                    wAvgBeta,
                    cDim,
                    cDim == 0 ? 0 : embedFeatures == null ? wDim : embedFeatures,
                    architecture);
        }
    }
}
