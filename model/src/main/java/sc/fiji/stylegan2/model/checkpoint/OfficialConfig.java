package sc.fiji.stylegan2.model.checkpoint;

import java.util.Map;
import java.util.TreeMap;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Network configs of official checkpoints: from the pickled constructor kwargs when present,
 * otherwise inferred from tensor shapes (a bare state dict has no kwargs).
 */
public final class OfficialConfig {

    private OfficialConfig() {}

    /** The generator config of an official checkpoint. */
    public static GeneratorConfig generator(OfficialNetworks nets, String file)
            throws CheckpointFormatException {
        GeneratorConfig inferred = inferGenerator(nets.gEma(), file);
        Map<String, Object> kw = nets.gKwargs();
        if (kw == null || kw.isEmpty()) {
            return inferred;
        }
        if (number(kw, "c_dim", inferred.cDim()) != inferred.cDim()) {
            throw new CheckpointFormatException(
                    file
                            + " is damaged: its generator's c_dim "
                            + kw.get("c_dim")
                            + " differs from its label embedding ("
                            + inferred.cDim()
                            + " classes)");
        }
        Map<String, Object> syn = map(kw, "synthesis_kwargs");
        Map<String, Object> map = map(kw, "mapping_kwargs");
        Object arch = syn.get("architecture");
        if (arch != null && !"skip".equals(arch)) {
            throw new CheckpointFormatException(
                    file
                            + " uses generator architecture '"
                            + arch
                            + "'; only the StyleGAN2 default 'skip' is supported");
        }
        Object clamp = syn.get("conv_clamp");
        return inferred.toBuilder()
                .setChannelBase((int) number(syn, "channel_base", 32768))
                .setChannelMax((int) number(syn, "channel_max", 512))
                .optConvClamp(clamp == null ? null : ((Number) clamp).doubleValue())
                .optMappingLrMultiplier(number(map, "lr_multiplier", 0.01))
                .optWAvgBeta(number(map, "w_avg_beta", 0.995))
                .build();
    }

    /**
     * The discriminator config of an official checkpoint with a D; a conditional D's label mapping
     * (classes, {@code cmap_dim}, embedding size, depth) is read off its tensors.
     */
    public static DiscriminatorConfig discriminator(
            OfficialNetworks nets, GeneratorConfig g, String file)
            throws CheckpointFormatException {
        DiscriminatorConfig unconditional = unconditionalDiscriminator(nets, g, file);
        return withLabelMapping(
                unconditional, nets.d(), map(nets.dKwargs(), "mapping_kwargs"), file);
    }

    private static DiscriminatorConfig unconditionalDiscriminator(
            OfficialNetworks nets, GeneratorConfig g, String file)
            throws CheckpointFormatException {
        Map<String, Object> kw = nets.dKwargs();
        if (kw == null || kw.isEmpty()) {
            return new DiscriminatorConfig(
                    g.resolution(),
                    g.imgChannels(),
                    g.channelBase(),
                    g.channelMax(),
                    4,
                    1,
                    g.convClamp());
        }
        Object arch = kw.get("architecture");
        if (arch != null && !"resnet".equals(arch)) {
            throw new CheckpointFormatException(
                    file
                            + " uses discriminator architecture '"
                            + arch
                            + "'; only the StyleGAN2 default 'resnet' is supported");
        }
        Map<String, Object> epi = map(kw, "epilogue_kwargs");
        Object clamp = kw.get("conv_clamp");
        return new DiscriminatorConfig(
                g.resolution(),
                g.imgChannels(),
                (int) number(kw, "channel_base", 32768),
                (int) number(kw, "channel_max", 512),
                (int) number(epi, "mbstd_group_size", 4),
                (int) number(epi, "mbstd_num_channels", 1),
                clamp == null ? null : ((Number) clamp).doubleValue());
    }

    /**
     * A conditional discriminator's label mapping read off its tensors: {@code
     * mapping.embed.weight} {@code [embed_features, c_dim]}, the count of {@code mapping.fc<i>}
     * layers, and {@code b4.out.weight} {@code [cmap_dim, C]}; the learning-rate multiplier from
     * the kwargs (official default 0.01).
     */
    private static DiscriminatorConfig withLabelMapping(
            DiscriminatorConfig d,
            Map<String, TensorData> sd,
            Map<String, Object> mappingKwargs,
            String file)
            throws CheckpointFormatException {
        TensorData embed = sd == null ? null : sd.get("mapping.embed.weight");
        if (embed == null || embed.shape().length != 2) {
            return d;
        }
        int layers = countLayers(sd, "mapping.fc", file);
        TensorData out = sd.get("b4.out.weight");
        if (layers == 0 || out == null || out.shape().length != 2) {
            throw new CheckpointFormatException(
                    file
                            + " has a damaged conditional discriminator: it lacks "
                            + (layers == 0 ? "mapping.fc0.weight" : "b4.out.weight")
                            + "; use the original .pkl");
        }
        try {
            return d.withLabels(
                    (int) embed.shape()[1],
                    (int) out.shape()[0],
                    (int) embed.shape()[0],
                    layers,
                    number(mappingKwargs, "lr_multiplier", 0.01));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(file + ": " + e.getMessage());
        }
    }

    /**
     * The number of consecutive layers {@code <prefix>0 …}; a gap before a later layer is damage.
     */
    private static int countLayers(Map<String, TensorData> sd, String prefix, String file)
            throws CheckpointFormatException {
        int layers = 0;
        while (sd.containsKey(prefix + layers + ".weight")) {
            layers++;
        }
        for (String k : sd.keySet()) {
            if (k.startsWith(prefix + layers + ".")) {
                throw new CheckpointFormatException(
                        file
                                + " lacks the tensor "
                                + prefix
                                + layers
                                + ".weight:"
                                + " the file is incomplete or damaged; use the original .pkl/.pt");
            }
        }
        return layers;
    }

    /**
     * Reads z/w size, mapping depth, resolution, image channels and the channel rule off the tensor
     * shapes; a conditional generator's classes and embedding size off {@code mapping.embed.weight}
     * {@code [embed_features, c_dim]} ({@code fc0} then takes {@code z_dim + embed_features}
     * inputs).
     */
    public static GeneratorConfig inferGenerator(Map<String, TensorData> sd, String file)
            throws CheckpointFormatException {
        TensorData fc0 = sd.get("mapping.fc0.weight");
        if (fc0 == null || fc0.shape().length != 2) {
            throw new CheckpointFormatException(
                    file + " has no StyleGAN2 mapping network (mapping.fc0.weight)");
        }
        int layers = countLayers(sd, "mapping.fc", file);
        TensorData embed = sd.get("mapping.embed.weight");
        int cDim = 0, embedFeatures = 0;
        if (embed != null && embed.shape().length == 2) {
            embedFeatures = (int) embed.shape()[0];
            cDim = (int) embed.shape()[1];
        }
        long wDim = sd.get("mapping.fc" + (layers - 1) + ".weight").shape()[0];
        TreeMap<Integer, Integer> channels = new TreeMap<>();
        for (Map.Entry<String, TensorData> e : sd.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("synthesis.b") && k.endsWith(".conv1.weight")) {
                int res =
                        Integer.parseInt(k.substring("synthesis.b".length(), k.indexOf(".conv1")));
                channels.put(res, (int) e.getValue().shape()[0]);
            }
        }
        if (channels.isEmpty()) {
            throw new CheckpointFormatException(
                    file + " has no StyleGAN2 synthesis blocks (synthesis.b4.conv1)");
        }
        // A block whose conv1 is missing would otherwise shrink the inferred resolution and report
        // every
        // tensor of the blocks above it as unexpected: name the missing tensor instead.
        for (String k : sd.keySet()) {
            if (k.startsWith("synthesis.b") && k.indexOf('.', "synthesis.b".length()) > 0) {
                String block = k.substring(0, k.indexOf('.', "synthesis.b".length()));
                String res = block.substring("synthesis.b".length());
                if (res.chars().allMatch(Character::isDigit)
                        && !res.isEmpty()
                        && res.length() < 6
                        && !channels.containsKey(Integer.parseInt(res))) {
                    throw new CheckpointFormatException(
                            file
                                    + " lacks the tensor "
                                    + block
                                    + ".conv1.weight:"
                                    + " the file is incomplete or damaged; use the original .pkl/.pt");
                }
            }
        }
        int res = channels.lastKey();
        TensorData torgb = sd.get("synthesis.b" + res + ".torgb.weight");
        if (torgb == null) {
            throw new CheckpointFormatException(
                    file
                            + " lacks the tensor synthesis.b"
                            + res
                            + ".torgb.weight:"
                            + " the file is incomplete or damaged; use the original .pkl/.pt");
        }
        int max = channels.values().stream().max(Integer::compare).orElseThrow();
        long lo = 1, hi = Long.MAX_VALUE;
        for (Map.Entry<Integer, Integer> e : channels.entrySet()) {
            long r = e.getKey(), c = e.getValue();
            lo = Math.max(lo, c * r);
            if (c < max) {
                hi = Math.min(hi, c * r + r - 1);
            }
        }
        if (lo > hi) {
            throw new CheckpointFormatException(
                    file
                            + " has a channel layout "
                            + channels
                            + " that no channel_base/channel_max rule produces");
        }
        try {
            return GeneratorConfig.builder()
                    .setZDim((int) fc0.shape()[1] - embedFeatures)
                    .setWDim((int) wDim)
                    .setMappingLayers(layers)
                    .setResolution(res)
                    .setImgChannels((int) torgb.shape()[0])
                    .setChannelBase((int) lo)
                    .setChannelMax(max)
                    .optCDim(cDim)
                    .optEmbedFeatures(cDim == 0 ? null : embedFeatures)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> kw, String key) {
        Object v = kw.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private static double number(Map<String, Object> kw, String key, double dflt) {
        Object v = kw.get(key);
        return v instanceof Number n ? n.doubleValue() : dflt;
    }
}
