package sc.fiji.stylegan2.model.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Network configs as JSON objects in our checkpoint, with the official kwarg names. Reading a
 * config that lacks a key or holds a non-number fails with an {@link IllegalArgumentException}
 * naming the key. The label keys of a conditional model ({@code c_dim}, {@code embed_features}, and
 * D's {@code cmap_dim}, {@code label_mapping_layers}, {@code label_mapping_lr_multiplier}) are
 * written only when {@code c_dim > 0}; a config without them (every file written before) is
 * unconditional. The generator's {@code architecture} is written only for the original StyleGAN
 * ({@code stylegan1}); a config without it is StyleGAN2.
 */
public final class ConfigJson {

    private ConfigJson() {}

    public static JsonObject of(GeneratorConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("z_dim", c.zDim());
        o.addProperty("w_dim", c.wDim());
        o.addProperty("mapping_layers", c.mappingLayers());
        o.addProperty("img_resolution", c.resolution());
        o.addProperty("img_channels", c.imgChannels());
        o.addProperty("channel_base", c.channelBase());
        o.addProperty("channel_max", c.channelMax());
        if (c.convClamp() != null) {
            o.addProperty("conv_clamp", c.convClamp());
        }
        o.addProperty("mapping_lr_multiplier", c.mappingLrMultiplier());
        o.addProperty("w_avg_beta", c.wAvgBeta());
        if (c.conditional()) {
            o.addProperty("c_dim", c.cDim());
            o.addProperty("embed_features", c.embedFeatures());
        }
        if (c.architecture() != Architecture.STYLEGAN2) {
            o.addProperty("architecture", c.architecture().key());
        }
        return o;
    }

    public static GeneratorConfig generator(JsonObject o) {
        return GeneratorConfig.builder()
                .setZDim(required(o, "z_dim").getAsInt())
                .setWDim(required(o, "w_dim").getAsInt())
                .setMappingLayers(required(o, "mapping_layers").getAsInt())
                .setResolution(required(o, "img_resolution").getAsInt())
                .setImgChannels(required(o, "img_channels").getAsInt())
                .setChannelBase(required(o, "channel_base").getAsInt())
                .setChannelMax(required(o, "channel_max").getAsInt())
                .optConvClamp(o.has("conv_clamp") ? required(o, "conv_clamp").getAsDouble() : null)
                .optMappingLrMultiplier(required(o, "mapping_lr_multiplier").getAsDouble())
                .optWAvgBeta(required(o, "w_avg_beta").getAsDouble())
                .optCDim(o.has("c_dim") ? required(o, "c_dim").getAsInt() : 0)
                .optEmbedFeatures(
                        o.has("embed_features") ? required(o, "embed_features").getAsInt() : null)
                .optArchitecture(
                        o.has("architecture")
                                ? Architecture.of(o.get("architecture").getAsString())
                                : Architecture.STYLEGAN2)
                .build();
    }

    public static JsonObject of(DiscriminatorConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("img_resolution", c.resolution());
        o.addProperty("img_channels", c.imgChannels());
        o.addProperty("channel_base", c.channelBase());
        o.addProperty("channel_max", c.channelMax());
        o.addProperty("mbstd_group_size", c.mbstdGroupSize());
        o.addProperty("mbstd_num_channels", c.mbstdNumChannels());
        if (c.convClamp() != null) {
            o.addProperty("conv_clamp", c.convClamp());
        }
        if (c.conditional()) {
            o.addProperty("c_dim", c.cDim());
            o.addProperty("cmap_dim", c.cmapDim());
            o.addProperty("embed_features", c.embedFeatures());
            o.addProperty("label_mapping_layers", c.mappingLayers());
            o.addProperty("label_mapping_lr_multiplier", c.mappingLrMultiplier());
        }
        return o;
    }

    public static DiscriminatorConfig discriminator(JsonObject o) {
        DiscriminatorConfig d =
                new DiscriminatorConfig(
                        required(o, "img_resolution").getAsInt(),
                        required(o, "img_channels").getAsInt(),
                        required(o, "channel_base").getAsInt(),
                        required(o, "channel_max").getAsInt(),
                        required(o, "mbstd_group_size").getAsInt(),
                        required(o, "mbstd_num_channels").getAsInt(),
                        o.has("conv_clamp") ? required(o, "conv_clamp").getAsDouble() : null);
        if (!o.has("c_dim")) {
            return d;
        }
        return d.withLabels(
                required(o, "c_dim").getAsInt(),
                required(o, "cmap_dim").getAsInt(),
                required(o, "embed_features").getAsInt(),
                required(o, "label_mapping_layers").getAsInt(),
                required(o, "label_mapping_lr_multiplier").getAsDouble());
    }

    /**
     * The intensity mapping: {@code scale} and {@code offset} (channel 0's, all a reader of a
     * shared mapping needs), plus {@code scales} and {@code offsets} arrays when every channel has
     * its own.
     */
    public static JsonObject of(IntensityMapping m) {
        JsonObject o = new JsonObject();
        o.addProperty("scale", m.scale());
        o.addProperty("offset", m.offset());
        if (!m.isShared()) {
            JsonArray scales = new JsonArray(), offsets = new JsonArray();
            for (int c = 0; c < m.channels(); c++) {
                scales.add(m.scale(c));
                offsets.add(m.offset(c));
            }
            o.add("scales", scales);
            o.add("offsets", offsets);
        }
        return o;
    }

    /**
     * Reads {@link #of(IntensityMapping)}; checkpoints written before per-channel mappings have no
     * arrays.
     */
    public static IntensityMapping intensity(JsonObject o) {
        IntensityMapping shared =
                new IntensityMapping(
                        required(o, "scale").getAsDouble(), required(o, "offset").getAsDouble());
        if (!o.has("scales") && !o.has("offsets")) {
            return shared;
        }
        double[] scales = numbers(o, "scales"), offsets = numbers(o, "offsets");
        if (scales.length != offsets.length || scales.length == 0) {
            throw new IllegalArgumentException(
                    "the intensity has "
                            + scales.length
                            + " scales but "
                            + offsets.length
                            + " offsets");
        }
        return IntensityMapping.perChannel(scales, offsets);
    }

    private static double[] numbers(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(
                    "the config lacks " + key + " (an array of numbers)");
        }
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonElement x = a.get(i);
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException(key + "[" + i + "] is not a number");
            }
            v[i] = x.getAsDouble();
        }
        return v;
    }

    /** The number under {@code key}. */
    private static JsonElement required(JsonObject o, String key) {
        if (o == null) {
            throw new IllegalArgumentException("a network config is missing");
        }
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("the config lacks " + key + " (a number)");
        }
        return e;
    }
}
