package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.network.Discriminator;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.DiscriminatorNetwork;
import sc.fiji.stylegan2.model.network.MinibatchStdLayer;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.BiasAct;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * The original StyleGAN's discriminator (ProGAN structure, Karras et al. 2018; official {@code
 * D_basic}): blocks b{res} … b8 of conv, blur, conv-and-halve, then the 4×4 epilogue: minibatch
 * standard deviation, 3×3 conv, a fully connected layer and the logit.
 *
 * <p>Progressive growing ({@link ProgressiveGrowing}): at {@code lod = k + t} the image is averaged
 * down by {@code 2^k} and enters through the {@code fromrgb} of that resolution; with t > 0 the
 * first block's output is blended by t with the {@code fromrgb} of the image averaged down once
 * more (the official "linear" structure's {@code lerp_clip(x, y, t)}; blocks with weight 0 are
 * skipped).
 *
 * <p>Deviation: the fully connected layers scale their bias by the activation gain √2 as
 * StyleGAN2's do ({@code FullyConnectedLayer}); the official v1 applies the bias unscaled. The
 * functions they can represent are the same. Unconditional only.
 */
public final class ProgressiveDiscriminator extends DiscriminatorNetwork
        implements ProgressiveGrowing {

    private final DiscriminatorConfig config;
    private final List<ProgressiveDiscriminatorBlock> blocks = new ArrayList<>(); // res … 4
    private final MinibatchStdLayer mbstd;
    private final EqualizedConv2d conv;
    private final NDArray convBias;
    private final FullyConnectedLayer fc;
    private final FullyConnectedLayer out;
    private double lod;

    public ProgressiveDiscriminator(NDManager manager, DiscriminatorConfig cfg) {
        if (cfg.conditional()) {
            throw new IllegalArgumentException(
                    "the StyleGAN (v1) discriminator is unconditional here: c_dim must be 0");
        }
        this.config = cfg;
        for (int res = cfg.resolution(); res >= 4; res /= 2) {
            int out = res > 4 ? cfg.channels(res / 2) : 0;
            blocks.add(
                    child(
                            "b" + res,
                            new ProgressiveDiscriminatorBlock(
                                    manager, cfg.imgChannels(), cfg.channels(res), out, res)));
        }
        int c4 = cfg.channels(4);
        int f = cfg.mbstdNumChannels();
        this.mbstd = f > 0 ? new MinibatchStdLayer(cfg.mbstdGroupSize(), f) : null;
        this.conv =
                child(
                        "conv",
                        new EqualizedConv2d(
                                manager,
                                c4 + f,
                                c4,
                                3,
                                Math.sqrt(2),
                                EqualizedConv2d.Resampling.NONE,
                                false));
        this.convBias = parameter("conv_bias", manager.zeros(new ai.djl.ndarray.types.Shape(c4)));
        // Official nf(0) = min(fmap_base / 2, fmap_max) features.
        int fcFeatures = cfg.channels(2);
        this.fc =
                child(
                        "fc",
                        new FullyConnectedLayer(
                                manager, c4 * 16, fcFeatures, Activation.LRELU, 1, 0));
        this.out =
                child(
                        "out",
                        new FullyConnectedLayer(manager, fcFeatures, 1, Activation.LINEAR, 1, 0));
    }

    @Override
    public DiscriminatorConfig config() {
        return config;
    }

    @Override
    public NDArray forward(NDArray img, NDArray c, boolean channelsLast) {
        if (c != null) {
            throw new IllegalArgumentException(
                    "this discriminator is unconditional: it takes no class label");
        }
        List<NDArray> features = blockOutputs(img);
        NDArray logits = epilogue(features.get(features.size() - 1));
        return UnusedParameters.touch(logits, unused());
    }

    /** {@inheritDoc} Two passes: the v1 batches are small and the pair is exact by definition. */
    @Override
    public Discriminator.LogitPair forwardPair(
            NDArray a, NDArray ca, NDArray b, NDArray cb, boolean channelsLast) {
        if (ca != null || cb != null) {
            throw new IllegalArgumentException("a StyleGAN (v1) discriminator takes no labels");
        }
        if (!a.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException(
                    "forwardPair needs batches of equal shape: "
                            + a.getShape()
                            + " and "
                            + b.getShape());
        }
        return new Discriminator.LogitPair(forward(a, null, false), forward(b, null, false));
    }

    /**
     * {@inheritDoc} At the current level of detail: the features entering at {@code res / 2^k},
     * then each block's output down to 4×4 (the last element).
     */
    @Override
    public List<NDArray> blockOutputs(NDArray img) {
        int k = (int) Math.floor(lod);
        double t = lod - k;
        List<NDArray> outs = new ArrayList<>();
        NDArray down = Resample.downscale(img, 1 << k);
        NDArray x = blocks.get(k).fromRgb(down);
        for (int i = k; i < blocks.size() - 1; i++) {
            x = blocks.get(i).forward(x);
            if (i == k && t > 0) {
                NDArray y = blocks.get(k + 1).fromRgb(Resample.downscale(down, 2));
                // lerp_clip(x, y, t) = x + (y − x)·t
                x = x.add(Scalars.mul(y.sub(x), t));
            }
            outs.add(x);
        }
        if (outs.isEmpty()) {
            outs.add(x);
        }
        return outs;
    }

    /** The parameters this lod leaves out: blocks above it, fromRGBs below it. */
    private List<NDArray> unused() {
        int k = (int) Math.floor(lod);
        boolean fading = lod > k;
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            ProgressiveDiscriminatorBlock b = blocks.get(i);
            if (i < k) {
                out.addAll(b.namedParameters().values());
            } else if (i > k && !(fading && i == k + 1)) {
                out.addAll(b.fromrgbParameters());
            }
        }
        return out;
    }

    /** The 4×4 features {@code [N, C, 4, 4]} → logits {@code [N, 1]}. */
    private NDArray epilogue(NDArray x) {
        if (mbstd != null) {
            x = mbstd.forward(x);
        }
        x = BiasAct.apply(conv.forward(x), convBias, Activation.LRELU, 1, -1);
        x = fc.forward(x.reshape(x.getShape().get(0), -1));
        return out.forward(x);
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
}
