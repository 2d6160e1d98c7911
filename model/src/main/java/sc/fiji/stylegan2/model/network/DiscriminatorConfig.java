package sc.fiji.stylegan2.model.network;

/**
 * Hyper-parameters of the StyleGAN2 discriminator (official {@code Discriminator} kwargs, architecture
 * {@code resnet}, StyleGAN2 Fig. 7c).
 *
 * @param mbstdGroupSize minibatch-stddev group size (4 in config F; min(group, N) is used)
 * @param mbstdNumChannels minibatch-stddev feature channels (1)
 */
public record DiscriminatorConfig(int resolution, int imgChannels, int channelBase, int channelMax,
        int mbstdGroupSize, int mbstdNumChannels, Double convClamp) {

    public DiscriminatorConfig {
        GeneratorConfig.requirePositive("image channels", imgChannels);
        GeneratorConfig.requirePositive("channel_base", channelBase);
        GeneratorConfig.requirePositive("channel_max", channelMax);
        GeneratorConfig.requirePositive("mbstd group size", mbstdGroupSize);
        if (resolution < 4 || resolution > 1024 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("resolution must be a power of two from 4 to 1024, got " + resolution);
        }
        if (mbstdNumChannels < 0) {
            throw new IllegalArgumentException("mbstd channels must be >= 0");
        }
    }

    /** The discriminator that pairs with a generator, with the official defaults. */
    public static DiscriminatorConfig matching(GeneratorConfig g) {
        return new DiscriminatorConfig(g.resolution(), g.imgChannels(), g.channelBase(), g.channelMax(), 4, 1,
                g.convClamp());
    }

    public int channels(int res) {
        return Math.min(channelBase / res, channelMax);
    }
}
