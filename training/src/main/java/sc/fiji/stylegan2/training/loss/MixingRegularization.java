package sc.fiji.stylegan2.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Mixing regularisation (StyleGAN, Karras et al. 2019, Sec. 3.1): with probability p the ws of a
 * batch switch, at one random crossover layer, to those of a second latent, so the network cannot
 * assume adjacent styles are correlated. Official {@code run_G}: one cutoff per batch, uniform in
 * {@code [1, num_ws)}; otherwise {@code num_ws} (no mixing).
 */
public final class MixingRegularization {

    private final double probability;

    /**
     * @param probability style_mixing_prob (0.9; 0 disables)
     */
    public MixingRegularization(double probability) {
        this.probability = requireProbability(probability);
    }

    /** {@code style_mixing_prob}: in [0, 1]. */
    public static double requireProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "style_mixing_prob must be in [0, 1], got " + probability);
        }
        return probability;
    }

    public double probability() {
        return probability;
    }

    /**
     * The crossover index: uniform in {@code [1, numWs)} with probability p, else {@code numWs}.
     */
    public int cutoff(int numWs, SplittableRandom random) {
        int cutoff = numWs > 1 ? random.nextInt(1, numWs) : numWs;
        return random.nextDouble() < probability ? cutoff : numWs;
    }

    /**
     * {@code ws[:, cutoff:] = ws2[:, cutoff:]}, without writing into ws (the graph keeps both
     * branches).
     *
     * @param second the ws of fresh latents, asked for only when mixing happens (Deviation: the
     *     official code maps a second z every time and discards it when there is no mixing; the
     *     outcome is the same)
     */
    public NDArray mix(NDArray ws, int cutoff, Supplier<NDArray> second) {
        long numWs = ws.getShape().get(1);
        if (cutoff >= numWs) {
            return ws;
        }
        NDArray head = ws.get(new NDIndex(":, :{}", cutoff));
        NDArray tail = second.get().get(new NDIndex(":, {}:", cutoff));
        return head.concat(tail, 1);
    }
}
