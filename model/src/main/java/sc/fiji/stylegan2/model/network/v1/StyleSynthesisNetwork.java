package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.Synthesis;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * The original StyleGAN's synthesis network (StyleGAN Sec. 2, Fig. 1b; official {@code
 * G_synthesis}): blocks b4 … b{res}, each layer taking its own w (b4: the constant's epilogue and
 * one conv; later blocks: two convs), so {@code num_ws = 2·log2(res) − 2} as in StyleGAN2. The
 * image comes from the last block's toRGB only.
 *
 * <p>Progressive growing ({@link ProgressiveGrowing}): at {@code lod = k + t} the blocks up to
 * {@code res / 2^k} run, the image of that block is blended with the nearest-upscaled image of the
 * block below by t, and the result is nearest-upscaled by {@code 2^k} to the full size (the
 * official "linear" structure, which computes the same, runs every block; blocks whose weight is 0
 * are skipped here).
 */
public final class StyleSynthesisNetwork extends Synthesis implements ProgressiveGrowing {

    private final GeneratorConfig cfg;
    private final List<StyleSynthesisBlock> blocks = new ArrayList<>();
    private double lod;

    public StyleSynthesisNetwork(NDManager manager, GeneratorConfig cfg) {
        this.cfg = cfg;
        for (int res : cfg.blockResolutions()) {
            int in = res > 4 ? cfg.channels(res / 2) : 0;
            String name = "b" + res;
            blocks.add(
                    child(
                            name,
                            new StyleSynthesisBlock(
                                    manager,
                                    "synthesis." + name,
                                    in,
                                    cfg.channels(res),
                                    cfg.wDim(),
                                    cfg.imgChannels(),
                                    res)));
        }
    }

    @Override
    public NDArray forward(NDArray ws, SynthesisOptions opt) {
        long[] s = ws.getShape().getShape();
        if (s.length != 3 || s[1] != cfg.numWs() || s[2] != cfg.wDim()) {
            throw new IllegalArgumentException(
                    "ws must be [N, "
                            + cfg.numWs()
                            + ", "
                            + cfg.wDim()
                            + "], got "
                            + ws.getShape());
        }
        int k = (int) Math.floor(lod);
        double t = lod - k;
        int top = topBlock();
        NDArray x = null;
        NDArray img = null;
        for (int i = 0; i <= top; i++) {
            StyleSynthesisBlock block = blocks.get(i);
            x = block.forward(x, ws.get(new NDIndex(":, {}:{}, :", 2 * i, 2 * i + 2)), opt);
            if (i == top - 1 && t > 0) {
                img = block.toRgb(x, opt);
            }
        }
        NDArray y = blocks.get(top).toRgb(x, opt);
        if (img != null) {
            // lerp_clip(toRGB(x), upscale(img), t) = y + (upscale(img) − y)·t
            NDArray lower = Resample.upscale(img, 2);
            y = y.add(Scalars.mul(lower.sub(y), t));
        }
        return Resample.upscale(UnusedParameters.touch(y, unused(top, t > 0)), 1 << k);
    }

    /** The parameters this lod leaves out: blocks above the top, toRGBs below it (and below). */
    private List<NDArray> unused(int top, boolean fading) {
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            StyleSynthesisBlock b = blocks.get(i);
            if (i > top) {
                out.addAll(b.namedParameters().values());
            } else if (i < top && !(fading && i == top - 1)) {
                out.addAll(b.torgbParameters());
            }
        }
        return out;
    }

    @Override
    public double lod() {
        return lod;
    }

    @Override
    public void setLod(double lod) {
        this.lod = ProgressiveGrowing.check(lod, maxLod());
    }

    @Override
    public int maxLod() {
        return blocks.size() - 1;
    }

    /**
     * {@inheritDoc} The layers that run at the current level of detail: each block's two layers up
     * to {@code res / 2^k}, and the toRGB of that block (and of the block below while it fades in).
     */
    @Override
    public List<String> layerNames() {
        int top = topBlock();
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= top; i++) {
            StyleSynthesisBlock b = blocks.get(i);
            b.layers().forEach(l -> names.add(l.name()));
            if (i == top || (i == top - 1 && lod > Math.floor(lod))) {
                names.add(b.torgbName());
            }
        }
        return names;
    }

    /**
     * {@inheritDoc} Every layer that runs at the current level of detail, the constant's included
     * ({@code synthesis.b4.const → 4}).
     */
    @Override
    public Map<String, Integer> noiseLayers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i <= topBlock(); i++) {
            blocks.get(i).layers().forEach(l -> out.put(l.name(), l.resolution()));
        }
        return out;
    }

    /** The index of the highest block that runs at the current lod (res / 2^floor(lod)). */
    private int topBlock() {
        return blocks.size() - 1 - (int) Math.floor(lod);
    }

    public List<StyleSynthesisBlock> blocks() {
        return List.copyOf(blocks);
    }
}
