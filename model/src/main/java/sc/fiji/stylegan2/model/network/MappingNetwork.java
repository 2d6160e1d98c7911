package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * The mapping network f: Z → W (StyleGAN, Karras et al. 2019, Sec. 2): z is normalised by its
 * second moment, then passes through an MLP of leaky-ReLU layers with learning-rate multiplier
 * 0.01. Tracks {@code w_avg}, the running mean of w used by the truncation trick (Sec. 3.3 /
 * appendix B). Official {@code MappingNetwork}.
 *
 * <p>Conditional ({@code c_dim > 0}), as the official code: the one-hot label c passes through a
 * linear {@code embed} layer, is normalised by its second moment like z and concatenated after it,
 * so {@code fc0} takes {@code z_dim + embed_features} inputs. The conditional discriminator uses
 * the same network with {@code z_dim = 0} and no {@code w_avg} ({@link #labelMapping}) to map c to
 * {@code cmap}.
 *
 * <p>Truncation of a conditional model goes towards the one global {@code w_avg}, the mean of w
 * over all classes, exactly as the official code does (it keeps no per-class average).
 */
public final class MappingNetwork extends Module {

    private final FullyConnectedLayer embed; // null when unconditional
    private final List<FullyConnectedLayer> layers = new ArrayList<>();
    private final NDArray wAvg; // null without tracking (the discriminator's label mapping)
    private final int zDim;
    private final int cDim;
    private final int numWs; // 0: no broadcast
    private final double wAvgBeta;

    /** The generator's mapping network, conditional when {@code cfg.cDim() > 0}. */
    public MappingNetwork(NDManager manager, GeneratorConfig cfg) {
        this(
                manager,
                cfg.zDim(),
                cfg.cDim(),
                cfg.embedFeatures(),
                cfg.wDim(),
                cfg.mappingLayers(),
                cfg.mappingLrMultiplier(),
                cfg.numWs(),
                cfg.wAvgBeta());
    }

    private MappingNetwork(
            NDManager manager,
            int zDim,
            int cDim,
            int embedFeatures,
            int wDim,
            int numLayers,
            double lrMultiplier,
            int numWs,
            double wAvgBeta) {
        this.zDim = zDim;
        this.cDim = cDim;
        this.numWs = numWs;
        this.wAvgBeta = wAvgBeta;
        // Registered before the fc layers, as the official constructor does (the state dict's
        // order).
        this.embed =
                cDim > 0
                        ? child(
                                "embed",
                                new FullyConnectedLayer(
                                        manager, cDim, embedFeatures, Activation.LINEAR, 1, 0))
                        : null;
        int in = zDim + (cDim > 0 ? embedFeatures : 0);
        for (int i = 0; i < numLayers; i++) {
            layers.add(
                    child(
                            "fc" + i,
                            new FullyConnectedLayer(
                                    manager, in, wDim, Activation.LRELU, lrMultiplier, 0)));
            in = wDim;
        }
        this.wAvg = numWs > 0 ? buffer("w_avg", manager.zeros(new Shape(wDim))) : null;
    }

    /**
     * The conditional discriminator's label mapping c → cmap: official {@code
     * MappingNetwork(z_dim=0, c_dim, w_dim=cmap_dim, num_ws=None, w_avg_beta=None)}.
     */
    static MappingNetwork labelMapping(NDManager manager, DiscriminatorConfig cfg) {
        return new MappingNetwork(
                manager,
                0,
                cfg.cDim(),
                cfg.embedFeatures(),
                cfg.cmapDim(),
                cfg.mappingLayers(),
                cfg.mappingLrMultiplier(),
                0,
                Double.NaN);
    }

    /** Size of the class label c, 0 when unconditional. */
    public int cDim() {
        return cDim;
    }

    /**
     * z {@code [N, z_dim]} → ws {@code [N, num_ws, w_dim]} of an unconditional generator, with
     * truncation {@code w' = w_avg + psi (w - w_avg)} on the first {@code cutoff} rows (all when
     * null).
     *
     * @throws IllegalArgumentException when this network is conditional (it needs c)
     */
    public NDArray forward(NDArray z, double truncationPsi, Integer truncationCutoff) {
        return forward(z, null, truncationPsi, truncationCutoff);
    }

    /**
     * z {@code [N, z_dim]} and the label c {@code [N, c_dim]} (one-hot; null when unconditional) →
     * ws {@code [N, num_ws, w_dim]}, with truncation {@code w' = w_avg + psi (w - w_avg)} on the
     * first {@code cutoff} rows (all when null), towards the global {@code w_avg} as the official
     * code.
     *
     * @throws IllegalArgumentException when c is missing for a conditional network or given to an
     *     unconditional one
     */
    public NDArray forward(NDArray z, NDArray c, double truncationPsi, Integer truncationCutoff) {
        NDArray x = layers(embedInputs(z, c));
        long n = x.getShape().get(0);
        x = x.expandDims(1).repeat(1, numWs);
        if (truncationPsi != 1) {
            int cutoff = truncationCutoff == null ? numWs : Math.min(truncationCutoff, numWs);
            NDArray head = x.get(new NDIndex(":, :{}", cutoff));
            NDArray truncated = wAvg.add(Scalars.mul(head.sub(wAvg), truncationPsi));
            x =
                    cutoff == numWs
                            ? truncated
                            : truncated.concat(x.get(new NDIndex(":, {}:", cutoff)), 1);
        }
        return x.reshape(n, numWs, -1);
    }

    /**
     * The label mapping: c {@code [N, c_dim]} → cmap {@code [N, cmap_dim]} (no z, no broadcast).
     */
    NDArray mapLabels(NDArray c) {
        return layers(embedInputs(null, c));
    }

    private NDArray layers(NDArray x) {
        for (FullyConnectedLayer fc : layers) {
            x = fc.forward(x);
        }
        return x;
    }

    /**
     * The normalised z, then the normalised label embedding: {@code [N, z_dim + embed_features]}.
     */
    private NDArray embedInputs(NDArray z, NDArray c) {
        if (cDim > 0 && c == null) {
            throw new IllegalArgumentException(
                    "this model is conditional (c_dim " + cDim + "): give a class label");
        }
        if (cDim == 0 && c != null) {
            throw new IllegalArgumentException(
                    "this model is unconditional: it takes no class label");
        }
        NDArray x = zDim > 0 ? normalize2ndMoment(z) : null;
        if (cDim > 0) {
            if (c.getShape().dimension() != 2 || c.getShape().get(1) != cDim) {
                throw new IllegalArgumentException(
                        "class labels must be [N, " + cDim + "], got " + c.getShape());
            }
            NDArray y = normalize2ndMoment(embed.forward(c));
            x = x == null ? y : x.concat(y, 1);
        }
        return x;
    }

    /** x / sqrt(mean(x², dim 1) + 1e-8): official {@code normalize_2nd_moment}. */
    private static NDArray normalize2ndMoment(NDArray x) {
        return x.mul(Scalars.pow(x.square().mean(new int[] {1}, true).add(1e-8f), -0.5));
    }

    /**
     * Training only: moves the tracked average towards this batch's mean w, as the official mapping
     * does in training mode ({@code w_avg ← lerp(mean_N(w), w_avg, w_avg_beta)}), in place and
     * outside any graph. The style-mixing second pass skips it (official {@code
     * skip_w_avg_update}).
     *
     * @param ws the untruncated output of {@link #forward} {@code [N, num_ws, w_dim]} (all rows
     *     equal)
     */
    public void updateWAvg(NDArray ws) {
        try (NDArray mean = ws.get(new NDIndex(":, 0, :")).stopGradient().mean(new int[] {0});
                NDArray next = mean.add(wAvg.sub(mean).mul((float) wAvgBeta))) {
            wAvg.set(new NDIndex(":"), next);
        }
    }

    /**
     * The tracked average w {@code [w_dim]}: one global average, for all classes of a conditional
     * model.
     */
    public NDArray wAvg() {
        return wAvg;
    }
}
