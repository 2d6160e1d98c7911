package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthesis network g: W → image (StyleGAN2 config F, "skip" generator): blocks b4 … b{res},
 * each consuming its slice of the per-layer ws {@code [N, num_ws, w_dim]}; neighbouring blocks
 * share one w (the toRGB of block k uses the same w as conv0 of block k+1). Official {@code
 * SynthesisNetwork}.
 */
public final class SynthesisNetwork extends Synthesis {

    /** The binomial resampling filter of StyleGAN2. */
    public static final float[] RESAMPLE_FILTER = {1, 3, 3, 1};

    private final List<SynthesisBlock> blocks = new ArrayList<>();
    private final GeneratorConfig cfg;

    public SynthesisNetwork(NDManager manager, GeneratorConfig cfg) {
        this.cfg = cfg;
        for (int res : cfg.blockResolutions()) {
            int in = res > 4 ? cfg.channels(res / 2) : 0;
            String name = "b" + res;
            blocks.add(
                    child(
                            name,
                            new SynthesisBlock(
                                    manager,
                                    "synthesis." + name,
                                    in,
                                    cfg.channels(res),
                                    cfg,
                                    res,
                                    RESAMPLE_FILTER)));
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
        NDArray x = null;
        NDArray img = null;
        int wIdx = 0;
        for (SynthesisBlock block : blocks) {
            NDArray blockWs = ws.get(new NDIndex(":, {}:{}, :", wIdx, wIdx + block.numConv() + 1));
            SynthesisBlock.Output out = block.forward(x, img, blockWs, opt);
            x = out.x();
            img = out.img();
            wIdx += block.numConv();
        }
        return img;
    }

    public List<SynthesisBlock> blocks() {
        return List.copyOf(blocks);
    }

    /** {@inheritDoc} Each block's layers, then its toRGB. */
    @Override
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        for (SynthesisBlock b : blocks) {
            b.layers().forEach(l -> names.add(l.name()));
            names.add(b.torgb().name());
        }
        return names;
    }

    /** {@inheritDoc} Every conv layer ({@code synthesis.b4.conv1 → 4}, ...). */
    @Override
    public Map<String, Integer> noiseLayers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SynthesisBlock b : blocks) {
            b.layers().forEach(l -> out.put(l.name(), l.resolution()));
        }
        return out;
    }
}
