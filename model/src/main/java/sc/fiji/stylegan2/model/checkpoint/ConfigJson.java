package sc.fiji.stylegan2.model.checkpoint;

import com.google.gson.JsonObject;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/** Network configs as JSON objects in our checkpoint, with the official kwarg names. */
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
        return o;
    }

    public static GeneratorConfig generator(JsonObject o) {
        return GeneratorConfig.builder()
                .setZDim(o.get("z_dim").getAsInt())
                .setWDim(o.get("w_dim").getAsInt())
                .setMappingLayers(o.get("mapping_layers").getAsInt())
                .setResolution(o.get("img_resolution").getAsInt())
                .setImgChannels(o.get("img_channels").getAsInt())
                .setChannelBase(o.get("channel_base").getAsInt())
                .setChannelMax(o.get("channel_max").getAsInt())
                .optConvClamp(o.has("conv_clamp") ? o.get("conv_clamp").getAsDouble() : null)
                .optMappingLrMultiplier(o.get("mapping_lr_multiplier").getAsDouble())
                .optWAvgBeta(o.get("w_avg_beta").getAsDouble())
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
        return o;
    }

    public static DiscriminatorConfig discriminator(JsonObject o) {
        return new DiscriminatorConfig(o.get("img_resolution").getAsInt(), o.get("img_channels").getAsInt(),
                o.get("channel_base").getAsInt(), o.get("channel_max").getAsInt(),
                o.get("mbstd_group_size").getAsInt(), o.get("mbstd_num_channels").getAsInt(),
                o.has("conv_clamp") ? o.get("conv_clamp").getAsDouble() : null);
    }

    public static JsonObject of(IntensityMapping m) {
        JsonObject o = new JsonObject();
        o.addProperty("scale", m.scale());
        o.addProperty("offset", m.offset());
        return o;
    }

    public static IntensityMapping intensity(JsonObject o) {
        return new IntensityMapping(o.get("scale").getAsDouble(), o.get("offset").getAsDouble());
    }
}
