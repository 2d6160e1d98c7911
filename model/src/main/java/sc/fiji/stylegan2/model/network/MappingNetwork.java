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
 * The mapping network f: Z → W (StyleGAN, Karras et al. 2019, Sec. 2): z is normalised by its second
 * moment, then passes through an MLP of leaky-ReLU layers with learning-rate multiplier 0.01. Tracks
 * {@code w_avg}, the running mean of w used by the truncation trick (Sec. 3.3 / appendix B). Official
 * {@code MappingNetwork} without conditioning.
 */
public final class MappingNetwork extends Module {

    private final List<FullyConnectedLayer> layers = new ArrayList<>();
    private final NDArray wAvg;
    private final int numWs;
    private final double wAvgBeta;

    public MappingNetwork(NDManager manager, GeneratorConfig cfg) {
        int in = cfg.zDim();
        for (int i = 0; i < cfg.mappingLayers(); i++) {
            layers.add(child("fc" + i, new FullyConnectedLayer(manager, in, cfg.wDim(), Activation.LRELU,
                    cfg.mappingLrMultiplier(), 0)));
            in = cfg.wDim();
        }
        this.wAvg = buffer("w_avg", manager.zeros(new Shape(cfg.wDim())));
        this.numWs = cfg.numWs();
        this.wAvgBeta = cfg.wAvgBeta();
    }

    /**
     * z {@code [N, z_dim]} → ws {@code [N, num_ws, w_dim]}, with truncation
     * {@code w' = w_avg + psi (w - w_avg)} on the first {@code cutoff} rows (all when null).
     */
    public NDArray forward(NDArray z, double truncationPsi, Integer truncationCutoff) {
        // x / sqrt(mean(x²) + 1e-8): normalize_2nd_moment.
        NDArray x = z.mul(Scalars.pow(z.square().mean(new int[] {1}, true).add(1e-8f), -0.5));
        for (FullyConnectedLayer fc : layers) {
            x = fc.forward(x);
        }
        long n = x.getShape().get(0);
        x = x.expandDims(1).repeat(1, numWs);
        if (truncationPsi != 1) {
            int cutoff = truncationCutoff == null ? numWs : Math.min(truncationCutoff, numWs);
            NDArray head = x.get(new NDIndex(":, :{}", cutoff));
            NDArray truncated = wAvg.add(Scalars.mul(head.sub(wAvg), truncationPsi));
            x = cutoff == numWs ? truncated : truncated.concat(x.get(new NDIndex(":, {}:", cutoff)), 1);
        }
        return x.reshape(n, numWs, -1);
    }

    /**
     * Training only: moves the tracked average towards this batch's mean w, as the official mapping does in
     * training mode ({@code w_avg ← lerp(mean_N(w), w_avg, w_avg_beta)}), in place and outside any graph.
     * The style-mixing second pass skips it (official {@code skip_w_avg_update}).
     *
     * @param ws the untruncated output of {@link #forward} {@code [N, num_ws, w_dim]} (all rows equal)
     */
    public void updateWAvg(NDArray ws) {
        try (NDArray mean = ws.get(new NDIndex(":, 0, :")).stopGradient().mean(new int[] {0});
                NDArray next = mean.add(wAvg.sub(mean).mul((float) wAvgBeta))) {
            wAvg.set(new NDIndex(":"), next);
        }
    }

    /** The tracked average w {@code [w_dim]}. */
    public NDArray wAvg() {
        return wAvg;
    }
}
