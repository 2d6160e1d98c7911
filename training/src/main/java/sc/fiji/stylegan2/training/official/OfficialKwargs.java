package sc.fiji.stylegan2.training.official;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * The keyword arguments of the official {@code training.networks.Generator} and {@code
 * Discriminator} constructors that rebuild our networks with the same parameter names and shapes:
 * what {@code make_resume_pkl.py} passes to them. {@code num_fp16_res} is 0 and {@code conv_clamp}
 * ours (none for networks trained here), so the pickled networks compute what ours compute; the
 * official trainer builds its own networks from its command line and copies these weights in.
 */
public final class OfficialKwargs {

    private OfficialKwargs() {}

    /**
     * {@code Generator(z_dim, c_dim, w_dim, img_resolution, img_channels, mapping_kwargs, ...)}.
     */
    public static JsonObject generator(GeneratorConfig g) {
        JsonObject o = new JsonObject();
        o.addProperty("z_dim", g.zDim());
        o.addProperty("c_dim", g.cDim());
        o.addProperty("w_dim", g.wDim());
        o.addProperty("img_resolution", g.resolution());
        o.addProperty("img_channels", g.imgChannels());
        JsonObject mapping = new JsonObject();
        mapping.addProperty("num_layers", g.mappingLayers());
        mapping.addProperty("lr_multiplier", g.mappingLrMultiplier());
        mapping.addProperty("w_avg_beta", g.wAvgBeta());
        if (g.conditional()) {
            mapping.addProperty("embed_features", g.embedFeatures());
        }
        o.add("mapping_kwargs", mapping);
        JsonObject synthesis = new JsonObject();
        synthesis.addProperty("channel_base", g.channelBase());
        synthesis.addProperty("channel_max", g.channelMax());
        synthesis.addProperty("num_fp16_res", 0);
        clamp(synthesis, g.convClamp());
        o.add("synthesis_kwargs", synthesis);
        return o;
    }

    /** {@code Discriminator(c_dim, img_resolution, img_channels, architecture='resnet', ...)}. */
    public static JsonObject discriminator(DiscriminatorConfig d) {
        JsonObject o = new JsonObject();
        o.addProperty("c_dim", d.cDim());
        o.addProperty("img_resolution", d.resolution());
        o.addProperty("img_channels", d.imgChannels());
        o.addProperty("architecture", "resnet");
        o.addProperty("channel_base", d.channelBase());
        o.addProperty("channel_max", d.channelMax());
        o.addProperty("num_fp16_res", 0);
        clamp(o, d.convClamp());
        JsonObject mapping = new JsonObject();
        if (d.conditional()) {
            o.addProperty("cmap_dim", d.cmapDim());
            mapping.addProperty("num_layers", d.mappingLayers());
            mapping.addProperty("lr_multiplier", d.mappingLrMultiplier());
            mapping.addProperty("embed_features", d.embedFeatures());
        }
        o.add("block_kwargs", new JsonObject());
        o.add("mapping_kwargs", mapping);
        JsonObject epilogue = new JsonObject();
        epilogue.addProperty("mbstd_group_size", d.mbstdGroupSize());
        epilogue.addProperty("mbstd_num_channels", d.mbstdNumChannels());
        o.add("epilogue_kwargs", epilogue);
        return o;
    }

    private static void clamp(JsonObject o, Double convClamp) {
        if (convClamp == null) {
            o.add("conv_clamp", JsonNull.INSTANCE);
        } else {
            o.addProperty("conv_clamp", convClamp);
        }
    }
}
