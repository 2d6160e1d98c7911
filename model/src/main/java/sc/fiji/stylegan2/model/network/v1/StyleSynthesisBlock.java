package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * The original StyleGAN's synthesis block at one resolution (StyleGAN Fig. 1b): b4 starts from a
 * learned 4×4 constant (ones, layer {@code const}) and has one 3×3 conv; every later block
 * upsamples (nearest + 3×3 conv, fused from 128 px on) and blurs with [1,2,1] in {@code conv0},
 * then refines with {@code conv1}. Each layer is a {@link StyleSynthesisLayer}. Its toRGB is a
 * plain 1×1 conv with bias. Official {@code G_synthesis} blocks {@code 4x4/Const}, {@code
 * 4x4/Conv}, {@code {res}x{res}/Conv0_up}, {@code Conv1}, {@code ToRGB_lod*}.
 */
public final class StyleSynthesisBlock extends Module {

    private final int resolution;
    private final StyleSynthesisLayer layer0;
    private final StyleSynthesisLayer layer1;
    private final EqualizedConv2d torgb;
    private final NDArray torgbBias;
    private final String name;

    StyleSynthesisBlock(
            NDManager manager,
            String name,
            int inChannels,
            int outChannels,
            int wDim,
            int imgChannels,
            int resolution) {
        this.name = name;
        this.resolution = resolution;
        boolean first = inChannels == 0;
        String name0 = first ? "const" : "conv0";
        this.layer0 =
                child(
                        name0,
                        new StyleSynthesisLayer(
                                manager,
                                name + "." + name0,
                                first
                                        ? StyleSynthesisLayer.Input.CONST
                                        : StyleSynthesisLayer.Input.CONV_UP,
                                inChannels,
                                outChannels,
                                wDim,
                                resolution));
        this.layer1 =
                child(
                        "conv1",
                        new StyleSynthesisLayer(
                                manager,
                                name + ".conv1",
                                StyleSynthesisLayer.Input.CONV,
                                outChannels,
                                outChannels,
                                wDim,
                                resolution));
        this.torgb =
                child(
                        "torgb",
                        new EqualizedConv2d(
                                manager,
                                outChannels,
                                imgChannels,
                                1,
                                1,
                                EqualizedConv2d.Resampling.NONE,
                                false));
        this.torgbBias = parameter("torgb_bias", manager.zeros(new Shape(imgChannels)));
    }

    /**
     * @param x the previous block's features {@code [N, C, res/2, res/2]}, or null for b4
     * @param ws {@code [N, 2, w_dim]}: one w per layer
     * @return the features {@code [N, C, res, res]}
     */
    public NDArray forward(NDArray x, NDArray ws, SynthesisOptions opt) {
        x = layer0.forward(x, w(ws, 0), opt);
        return layer1.forward(x, w(ws, 1), opt);
    }

    /**
     * The image of this resolution's toRGB from its features, {@code [N, img_channels, res, res]}.
     */
    public NDArray toRgb(NDArray x, SynthesisOptions opt) {
        NDArray img = torgb.forward(x).add(torgbBias.reshape(1, -1, 1, 1));
        opt.offer(torgbName(), img);
        return img;
    }

    private static NDArray w(NDArray ws, int i) {
        return ws.get(new NDIndex(":, {}, :", i));
    }

    public int resolution() {
        return resolution;
    }

    /** The two style layers, in order. */
    public List<StyleSynthesisLayer> layers() {
        return List.of(layer0, layer1);
    }

    /** The toRGB's weight and bias. */
    List<NDArray> torgbParameters() {
        return List.of(torgb.namedParameters().get("weight"), torgbBias);
    }

    /** The probe name of this block's toRGB, e.g. {@code synthesis.b64.torgb}. */
    public String torgbName() {
        return name + ".torgb";
    }
}
