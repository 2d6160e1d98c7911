package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.MemoryFormat;

/**
 * The StyleGAN2 discriminator, "resnet" architecture (StyleGAN2 Sec. 4.1, Fig. 7c): residual blocks
 * b{res} … b8 halve the resolution, and the epilogue b4 gives one logit per image. Official {@code
 * Discriminator}.
 *
 * <p>Conditional ({@code c_dim > 0}): a label {@code mapping} (z_dim 0, no {@code w_avg}) maps the
 * one-hot class c to {@code cmap}, and the epilogue projects its features on it (see {@link
 * DiscriminatorEpilogue}).
 */
public final class Discriminator extends DiscriminatorNetwork {

    private final DiscriminatorConfig config;
    private final List<DiscriminatorBlock> blocks = new ArrayList<>();
    private final MappingNetwork mapping; // null when unconditional
    private final DiscriminatorEpilogue epilogue;

    public Discriminator(NDManager manager, DiscriminatorConfig cfg) {
        this.config = cfg;
        float[] taps = SynthesisNetwork.RESAMPLE_FILTER;
        for (int res = cfg.resolution(); res > 4; res /= 2) {
            int in = res < cfg.resolution() ? cfg.channels(res) : 0;
            blocks.add(
                    child(
                            "b" + res,
                            new DiscriminatorBlock(
                                    manager,
                                    in,
                                    cfg.channels(res),
                                    cfg.channels(res / 2),
                                    cfg.imgChannels(),
                                    taps,
                                    cfg.convClamp())));
        }
        // Registered between the blocks and the epilogue, as the official constructor does.
        this.mapping =
                cfg.conditional()
                        ? child("mapping", MappingNetwork.labelMapping(manager, cfg))
                        : null;
        this.epilogue =
                child("b4", new DiscriminatorEpilogue(manager, cfg.channels(4), 4, cfg, taps));
    }

    @Override
    public DiscriminatorConfig config() {
        return config;
    }

    /**
     * Images {@code [N, C, res, res]} in [-1, 1] and their one-hot class labels c {@code [N,
     * c_dim]} (null when unconditional) → logits {@code [N, 1]}.
     *
     * @throws IllegalArgumentException when c is missing for a conditional discriminator or given
     *     to an unconditional one
     */
    @Override
    public NDArray forward(NDArray img, NDArray c, boolean channelsLast) {
        NDArray cmap = cmap(c);
        List<NDArray> features = blockOutputs(img, channelsLast);
        NDArray x = features.isEmpty() ? img : features.get(features.size() - 1);
        return epilogue.forward(x, cmap, epilogue.mbstdGroupSize(x.getShape().get(0)));
    }

    /** The mapped label {@code [N, cmap_dim]}, or null when unconditional. */
    private NDArray cmap(NDArray c) {
        if (mapping == null) {
            if (c != null) {
                throw new IllegalArgumentException(
                        "this discriminator is unconditional: it takes no class label");
            }
            return null;
        }
        if (c == null) {
            throw new IllegalArgumentException(
                    "this discriminator is conditional (c_dim "
                            + config.cDim()
                            + "): give a class label");
        }
        return mapping.mapLabels(c);
    }

    /**
     * The logits of two batches of equal shape with their one-hot labels ({@code [N, c_dim]}, null
     * when unconditional), {@code D(a, ca)} and {@code D(b, cb)}, exactly as two calls of {@link
     * #forward} give them, from one pass over a batch of 2N (fewer, larger operations; the training
     * loss's Dmain scores its fakes and reals together). The minibatch-stddev groups must not mix
     * the two: the layer puts sample i in group {@code i mod (N / g)}, so each input is laid out as
     * {@code [g, N/g, ...]} and the two are interleaved on the second axis: a's groups become the
     * first N/g, b's the last.
     *
     * @param channelsLast compute in channels-last layout ({@link MemoryFormat}); the values are
     *     the same
     * @return D(a) and D(b), each {@code [N, 1]}
     * @throws IllegalArgumentException for a conditional discriminator given no labels
     */
    @Override
    public LogitPair forwardPair(
            NDArray a, NDArray ca, NDArray b, NDArray cb, boolean channelsLast) {
        Shape shape = a.getShape();
        if (!shape.equals(b.getShape())) {
            throw new IllegalArgumentException(
                    "forwardPair needs batches of equal shape: " + shape + " and " + b.getShape());
        }
        long n = shape.get(0);
        long g = epilogue.mbstdGroupSize(n);
        MinibatchStdLayer.requireWholeGroups(
                n, g); // before the reshape below, with the layer's message
        NDArray cmap = cmap(ca == null && cb == null ? null : interleave(ca, cb, g));
        NDArray joint = interleave(a, b, g);
        List<NDArray> features = blockOutputs(joint, channelsLast);
        NDArray logits =
                epilogue.forward(
                                features.isEmpty() ? joint : features.get(features.size() - 1),
                                cmap,
                                g)
                        .reshape(g, 2, n / g);
        return new LogitPair(
                logits.get(new NDIndex(":, 0, :")).reshape(n, 1),
                logits.get(new NDIndex(":, 1, :")).reshape(n, 1));
    }

    /**
     * Two batches {@code [N, ...]} as one of 2N whose minibatch-stddev groups of size g keep them
     * apart: {@code [g, N/g, ...]} each, stacked on the second axis ({@code [g, 2, N/g, ...]}),
     * flattened.
     */
    private static NDArray interleave(NDArray a, NDArray b, long g) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("give the labels of both batches or of neither");
        }
        long[] dims = a.getShape().getShape();
        long n = dims[0];
        long[] grouped = new long[dims.length + 1];
        grouped[0] = g;
        grouped[1] = n / g;
        System.arraycopy(dims, 1, grouped, 2, dims.length - 1);
        long[] flat = dims.clone();
        flat[0] = 2 * n;
        return NDArrays.stack(new NDList(a.reshape(grouped), b.reshape(grouped)), 1)
                .reshape(new Shape(flat));
    }

    /**
     * The logits of {@link #forwardPair}'s two batches.
     *
     * @param a D of the first batch {@code [N, 1]}
     * @param b D of the second batch {@code [N, 1]}
     */
    public record LogitPair(NDArray a, NDArray b) {}

    /**
     * The outputs of the residual blocks b{res} … b8, in order: {@code [N, channels(res/2), res/2,
     * res/2]} … {@code [N, channels(4), 4, 4]}. Multi-scale image features with no interaction
     * between images (the minibatch-stddev layer sits in the epilogue, after them); the projector's
     * built-in distance compares them.
     */
    @Override
    public List<NDArray> blockOutputs(NDArray img) {
        return blockOutputs(img, false);
    }

    private List<NDArray> blockOutputs(NDArray img, boolean channelsLast) {
        List<NDArray> out = new ArrayList<>();
        NDArray x = null;
        int lowestBf16 = Precision.lowestBf16Resolution(config.resolution());
        int res = config.resolution();
        for (DiscriminatorBlock b : blocks) {
            // The official use_fp16 = (res >= fp16_resolution), here bfloat16 (Precision).
            try (Autocast bf16 = Autocast.layer(res >= lowestBf16)) {
                x = b.forward(x, img, channelsLast);
            }
            out.add(x);
            res /= 2;
        }
        return out;
    }
}
