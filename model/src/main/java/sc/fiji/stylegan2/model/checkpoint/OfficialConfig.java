package sc.fiji.stylegan2.model.checkpoint;

import java.util.Map;
import java.util.TreeMap;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Network configs of official checkpoints: from the pickled constructor kwargs when present, otherwise
 * inferred from tensor shapes (a bare state dict has no kwargs).
 */
public final class OfficialConfig {

    private OfficialConfig() {}

    /** The generator config of an official checkpoint. */
    public static GeneratorConfig generator(OfficialNetworks nets, String file) throws CheckpointFormatException {
        GeneratorConfig inferred = inferGenerator(nets.gEma(), file);
        Map<String, Object> kw = nets.gKwargs();
        if (kw == null || kw.isEmpty()) {
            return inferred;
        }
        if (number(kw, "c_dim", 0) != 0) {
            throw new CheckpointFormatException(file + " is a conditional (class-label) model; only unconditional"
                    + " StyleGAN2 models are supported");
        }
        Map<String, Object> syn = map(kw, "synthesis_kwargs");
        Map<String, Object> map = map(kw, "mapping_kwargs");
        Object arch = syn.get("architecture");
        if (arch != null && !"skip".equals(arch)) {
            throw new CheckpointFormatException(file + " uses generator architecture '" + arch
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

    /** The discriminator config of an official checkpoint with a D. */
    public static DiscriminatorConfig discriminator(OfficialNetworks nets, GeneratorConfig g, String file)
            throws CheckpointFormatException {
        Map<String, Object> kw = nets.dKwargs();
        if (kw == null || kw.isEmpty()) {
            return DiscriminatorConfig.matching(g);
        }
        Object arch = kw.get("architecture");
        if (arch != null && !"resnet".equals(arch)) {
            throw new CheckpointFormatException(file + " uses discriminator architecture '" + arch
                    + "'; only the StyleGAN2 default 'resnet' is supported");
        }
        Map<String, Object> epi = map(kw, "epilogue_kwargs");
        Object clamp = kw.get("conv_clamp");
        return new DiscriminatorConfig(g.resolution(), g.imgChannels(), (int) number(kw, "channel_base", 32768),
                (int) number(kw, "channel_max", 512), (int) number(epi, "mbstd_group_size", 4),
                (int) number(epi, "mbstd_num_channels", 1), clamp == null ? null : ((Number) clamp).doubleValue());
    }

    /**
     * Reads z/w size, mapping depth, resolution, image channels and the channel rule off the tensor shapes.
     */
    public static GeneratorConfig inferGenerator(Map<String, TensorData> sd, String file)
            throws CheckpointFormatException {
        TensorData fc0 = sd.get("mapping.fc0.weight");
        if (fc0 == null || fc0.shape().length != 2) {
            throw new CheckpointFormatException(file + " has no StyleGAN2 mapping network (mapping.fc0.weight)");
        }
        int layers = 0;
        while (sd.containsKey("mapping.fc" + layers + ".weight")) {
            layers++;
        }
        for (String k : sd.keySet()) {
            if (k.startsWith("mapping.fc" + layers + ".")) {
                throw new CheckpointFormatException(file + " lacks the tensor mapping.fc" + layers + ".weight:"
                        + " the file is incomplete or damaged; use the original .pkl/.pt");
            }
        }
        long wDim = sd.get("mapping.fc" + (layers - 1) + ".weight").shape()[0];
        TreeMap<Integer, Integer> channels = new TreeMap<>();
        for (Map.Entry<String, TensorData> e : sd.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("synthesis.b") && k.endsWith(".conv1.weight")) {
                int res = Integer.parseInt(k.substring("synthesis.b".length(), k.indexOf(".conv1")));
                channels.put(res, (int) e.getValue().shape()[0]);
            }
        }
        if (channels.isEmpty()) {
            throw new CheckpointFormatException(file + " has no StyleGAN2 synthesis blocks (synthesis.b4.conv1)");
        }
        // A block whose conv1 is missing would otherwise shrink the inferred resolution and report every
        // tensor of the blocks above it as unexpected: name the missing tensor instead.
        for (String k : sd.keySet()) {
            if (k.startsWith("synthesis.b") && k.indexOf('.', "synthesis.b".length()) > 0) {
                String block = k.substring(0, k.indexOf('.', "synthesis.b".length()));
                String res = block.substring("synthesis.b".length());
                if (res.chars().allMatch(Character::isDigit) && !res.isEmpty() && res.length() < 6
                        && !channels.containsKey(Integer.parseInt(res))) {
                    throw new CheckpointFormatException(file + " lacks the tensor " + block + ".conv1.weight:"
                            + " the file is incomplete or damaged; use the original .pkl/.pt");
                }
            }
        }
        int res = channels.lastKey();
        TensorData torgb = sd.get("synthesis.b" + res + ".torgb.weight");
        if (torgb == null) {
            throw new CheckpointFormatException(file + " lacks the tensor synthesis.b" + res + ".torgb.weight:"
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
            throw new CheckpointFormatException(file + " has a channel layout " + channels
                    + " that no channel_base/channel_max rule produces");
        }
        try {
            return GeneratorConfig.builder().setZDim((int) fc0.shape()[1]).setWDim((int) wDim)
                    .setMappingLayers(layers).setResolution(res).setImgChannels((int) torgb.shape()[0])
                    .setChannelBase((int) lo).setChannelMax(max).build();
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
