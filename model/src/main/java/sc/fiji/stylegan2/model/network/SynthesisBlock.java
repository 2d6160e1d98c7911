package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.nn.Upfirdn2d;
import sc.fiji.stylegan2.model.torch.MemoryFormat;
import sc.fiji.stylegan2.model.torch.Owned;

/**
 * The synthesis block at one resolution (StyleGAN2 Fig. 7b, "skip" architecture): b4 starts from a
 * learned constant 4x4 input and has one conv; every later block upsamples with {@code conv0} and
 * refines with {@code conv1}. Each block adds its toRGB output to the FIR-upsampled image of the
 * block before. Official {@code SynthesisBlock}.
 */
public final class SynthesisBlock extends Module {

    private final int resolution;
    private final NDArray constInput;
    private final NDArray resampleFilter;
    private final SynthesisLayer conv0;
    private final SynthesisLayer conv1;
    private final ToRGBLayer torgb;

    SynthesisBlock(
            NDManager manager,
            String name,
            int inChannels,
            int outChannels,
            GeneratorConfig cfg,
            int resolution,
            float[] filterTaps) {
        this.resolution = resolution;
        // The official use_fp16 = (res >= fp16_resolution), here bfloat16 (Precision). toRGB stays
        // float32. Deviation: the official toRGB of a float16 block runs in float16; its 1x1
        // convolution to the image channels is a small part of the work, and its rounding would
        // go straight into the image.
        boolean bf16 = resolution >= Precision.lowestBf16Resolution(cfg.resolution());
        this.constInput =
                inChannels == 0
                        ? parameter("const", randn(manager, outChannels, resolution, resolution))
                        : null;
        this.resampleFilter = buffer("resample_filter", Upfirdn2d.setupFilter(manager, filterTaps));
        this.conv0 =
                inChannels == 0
                        ? null
                        : child(
                                "conv0",
                                new SynthesisLayer(
                                        manager,
                                        name + ".conv0",
                                        inChannels,
                                        outChannels,
                                        cfg.wDim(),
                                        resolution,
                                        2,
                                        filterTaps,
                                        cfg.convClamp(),
                                        bf16));
        this.conv1 =
                child(
                        "conv1",
                        new SynthesisLayer(
                                manager,
                                name + ".conv1",
                                outChannels,
                                outChannels,
                                cfg.wDim(),
                                resolution,
                                1,
                                filterTaps,
                                cfg.convClamp(),
                                bf16));
        this.torgb =
                child(
                        "torgb",
                        new ToRGBLayer(
                                manager,
                                name + ".torgb",
                                outChannels,
                                cfg.imgChannels(),
                                cfg.wDim(),
                                cfg.convClamp()));
    }

    /** The number of w vectors the convolutions consume (toRGB reads the one after them). */
    public int numConv() {
        return conv0 == null ? 1 : 2;
    }

    /**
     * @param x features of the previous block {@code [N, C, res/2, res/2]}, or null for b4
     * @param img image of the previous block, or null for b4
     * @param ws {@code [N, numConv + 1, w_dim]}: the convs' ws, then toRGB's
     * @return the features and the image at this block's resolution
     */
    public Output forward(NDArray x, NDArray img, NDArray ws, SynthesisOptions opt) {
        int i = 0;
        if (conv0 == null) {
            long n = ws.getShape().get(0);
            x = constInput.expandDims(0).repeat(0, n);
            if (opt.channelsLastOrDefault()) {
                x = MemoryFormat.channelsLast(x); // every layer after keeps the layout
            }
        } else {
            x = conv0.forward(x, w(ws, i++), opt);
        }
        x = conv1.forward(x, w(ws, i++), opt);
        NDArray y = torgb.forward(x, w(ws, i), opt);
        img = img == null ? y : Owned.add(Upfirdn2d.upsample2d(img, resampleFilter), y);
        return new Output(x, img);
    }

    /**
     * What a block passes to the next, as the official {@code x, img = block(x, img, ws)}.
     *
     * @param x features {@code [N, C, res, res]}
     * @param img the image so far {@code [N, img_channels, res, res]}
     */
    public record Output(NDArray x, NDArray img) {}

    private static NDArray w(NDArray ws, int i) {
        return ws.get(new NDIndex(":, {}, :", i));
    }

    public int resolution() {
        return resolution;
    }

    /** The synthesis layers of this block, in order. */
    public java.util.List<SynthesisLayer> layers() {
        return conv0 == null ? java.util.List.of(conv1) : java.util.List.of(conv0, conv1);
    }

    public ToRGBLayer torgb() {
        return torgb;
    }
}
