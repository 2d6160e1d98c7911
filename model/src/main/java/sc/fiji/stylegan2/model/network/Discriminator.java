package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * The StyleGAN2 discriminator, "resnet" architecture (StyleGAN2 Sec. 4.1, Fig. 7c): residual blocks
 * b{res} … b8 halve the resolution, and the epilogue b4 gives one logit per image. Official
 * {@code Discriminator} (unconditional).
 */
public final class Discriminator extends Module {

    private final DiscriminatorConfig config;
    private final List<DiscriminatorBlock> blocks = new ArrayList<>();
    private final DiscriminatorEpilogue epilogue;

    public Discriminator(NDManager manager, DiscriminatorConfig cfg) {
        this.config = cfg;
        float[] taps = SynthesisNetwork.RESAMPLE_FILTER;
        for (int res = cfg.resolution(); res > 4; res /= 2) {
            int in = res < cfg.resolution() ? cfg.channels(res) : 0;
            blocks.add(child("b" + res, new DiscriminatorBlock(manager, in, cfg.channels(res), cfg.channels(res / 2),
                    cfg.imgChannels(), taps, cfg.convClamp())));
        }
        this.epilogue = child("b4", new DiscriminatorEpilogue(manager, cfg.channels(4), 4, cfg, taps));
    }

    public DiscriminatorConfig config() {
        return config;
    }

    /** Images {@code [N, C, res, res]} in [-1, 1] → logits {@code [N, 1]}. */
    public NDArray forward(NDArray img) {
        List<NDArray> features = blockOutputs(img);
        return epilogue.forward(features.isEmpty() ? img : features.get(features.size() - 1));
    }

    /**
     * The outputs of the residual blocks b{res} … b8, in order: {@code [N, channels(res/2), res/2, res/2]} …
     * {@code [N, channels(4), 4, 4]}. Multi-scale image features with no interaction between images (the
     * minibatch-stddev layer sits in the epilogue, after them); the projector's built-in distance compares
     * them.
     */
    public List<NDArray> blockOutputs(NDArray img) {
        List<NDArray> out = new ArrayList<>();
        NDArray x = null;
        for (DiscriminatorBlock b : blocks) {
            x = b.forward(x, img);
            out.add(x);
        }
        return out;
    }
}
