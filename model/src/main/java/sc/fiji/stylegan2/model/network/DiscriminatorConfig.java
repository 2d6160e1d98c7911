package sc.fiji.stylegan2.model.network;

/**
 * Hyper-parameters of the StyleGAN2 discriminator (official {@code Discriminator} kwargs,
 * architecture {@code resnet}, StyleGAN2 Fig. 7c). A conditional discriminator ({@code cDim > 0})
 * maps the label through its own mapping network to {@code cmap} and scores with a projection head
 * (Miyato &amp; Koyama 2018, as the official {@code DiscriminatorEpilogue}).
 *
 * @param mbstdGroupSize minibatch-stddev group size (4 in config F; min(group, N) is used)
 * @param mbstdNumChannels minibatch-stddev feature channels (1)
 * @param cDim size of the one-hot class label, 0 for an unconditional discriminator
 * @param cmapDim size of the mapped label and of the epilogue's {@code out} (official default: the
 *     channels at 4x4); 0 when unconditional
 * @param embedFeatures size of the label embedding of the label mapping (official default {@code
 *     cmap_dim})
 * @param mappingLayers fully connected layers of the label mapping (official default 8)
 * @param mappingLrMultiplier learning-rate multiplier of the label mapping (0.01)
 */
public record DiscriminatorConfig(
        int resolution,
        int imgChannels,
        int channelBase,
        int channelMax,
        int mbstdGroupSize,
        int mbstdNumChannels,
        Double convClamp,
        int cDim,
        int cmapDim,
        int embedFeatures,
        int mappingLayers,
        double mappingLrMultiplier) {

    /**
     * The official default depth of the discriminator's label mapping ({@code
     * MappingNetwork.num_layers}).
     */
    public static final int DEFAULT_MAPPING_LAYERS = 8;

    public DiscriminatorConfig {
        GeneratorConfig.requirePositive("image channels", imgChannels);
        GeneratorConfig.requirePositive("channel_base", channelBase);
        GeneratorConfig.requirePositive("channel_max", channelMax);
        GeneratorConfig.requirePositive("mbstd group size", mbstdGroupSize);
        if (resolution < 4 || resolution > 1024 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException(
                    "resolution must be a power of two from 4 to 1024, got " + resolution);
        }
        if (mbstdNumChannels < 0) {
            throw new IllegalArgumentException("mbstd channels must be >= 0");
        }
        if (cDim < 0) {
            throw new IllegalArgumentException("c_dim must be >= 0, got " + cDim);
        }
        if (cDim > 0) {
            GeneratorConfig.requirePositive("cmap_dim", cmapDim);
            GeneratorConfig.requirePositive("embed_features", embedFeatures);
            GeneratorConfig.requirePositive("mapping layers", mappingLayers);
        } else if (cmapDim != 0 || embedFeatures != 0 || mappingLayers != 0) {
            throw new IllegalArgumentException(
                    "an unconditional discriminator (c_dim 0) has no label mapping");
        }
    }

    /** An unconditional discriminator. */
    public DiscriminatorConfig(
            int resolution,
            int imgChannels,
            int channelBase,
            int channelMax,
            int mbstdGroupSize,
            int mbstdNumChannels,
            Double convClamp) {
        this(
                resolution,
                imgChannels,
                channelBase,
                channelMax,
                mbstdGroupSize,
                mbstdNumChannels,
                convClamp,
                0,
                0,
                0,
                0,
                0.01);
    }

    /**
     * The discriminator that pairs with a generator, with the official defaults (and its {@code
     * c_dim}).
     */
    public static DiscriminatorConfig matching(GeneratorConfig g) {
        DiscriminatorConfig d =
                new DiscriminatorConfig(
                        g.resolution(),
                        g.imgChannels(),
                        g.channelBase(),
                        g.channelMax(),
                        4,
                        1,
                        g.convClamp());
        return g.cDim() == 0 ? d : d.withLabels(g.cDim());
    }

    /**
     * This discriminator conditioned on {@code cDim} classes with the official defaults: {@code
     * cmap_dim} = embedding size = the channels at 4x4, an 8-layer label mapping with learning-rate
     * multiplier 0.01.
     */
    public DiscriminatorConfig withLabels(int cDim) {
        int cmap = channels(4);
        return withLabels(cDim, cmap, cmap, DEFAULT_MAPPING_LAYERS, 0.01);
    }

    /** This discriminator with the given label conditioning ({@code cDim} 0: none). */
    public DiscriminatorConfig withLabels(
            int cDim,
            int cmapDim,
            int embedFeatures,
            int mappingLayers,
            double mappingLrMultiplier) {
        return new DiscriminatorConfig(
                resolution,
                imgChannels,
                channelBase,
                channelMax,
                mbstdGroupSize,
                mbstdNumChannels,
                convClamp,
                cDim,
                cmapDim,
                embedFeatures,
                mappingLayers,
                mappingLrMultiplier);
    }

    /** True for a class-conditional discriminator ({@code c_dim > 0}). */
    public boolean conditional() {
        return cDim > 0;
    }

    public int channels(int res) {
        return Math.min(channelBase / res, channelMax);
    }
}
