package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * The centre and spread of W that the projector starts from and scales its w noise by (official
 * {@code projector.py}): over {@code samples} mapped z,
 *
 * <pre>
 *   w_avg = mean_i w_i          σ_w = sqrt( Σ_i ||w_i − w_avg||² / samples )
 * </pre>
 *
 * Deviation: the official z come from {@code np.random.RandomState(123)}; here from {@link Random}
 * with the given seed (numpy's exact stream is much slower to reproduce and changes the statistics
 * only by sampling error). The model's tracked {@code w_avg} buffer is not used, as in the official
 * projector. For a conditional model the z are mapped with one class c (the official projector
 * passes no label, so it cannot project a conditional model): the statistics of that class's w.
 *
 * @param wAvg {@code [w_dim]}
 * @param wStd σ_w
 */
public record WStatistics(float[] wAvg, double wStd) {

    /** The official number of samples. */
    public static final int OFFICIAL_SAMPLES = 10_000;

    private static final int CHUNK = 1000;

    /** Maps {@code samples} random z (in chunks, without truncation) and measures w. */
    public static WStatistics sample(
            Generator generator, NDManager manager, int samples, long seed) {
        return sample(generator, manager, samples, seed, null);
    }

    /**
     * As {@link #sample(Generator, NDManager, int, long)}, every z mapped with the one-hot label
     * {@code label} ({@code [c_dim]}; null for an unconditional generator).
     */
    public static WStatistics sample(
            Generator generator, NDManager manager, int samples, long seed, float[] label) {
        GeneratorConfig cfg = generator.config();
        Random random = new Random(seed);
        double[] sum = new double[cfg.wDim()];
        double[] sumSq = new double[cfg.wDim()];
        for (int done = 0; done < samples; done += CHUNK) {
            int n = Math.min(CHUNK, samples - done);
            float[] z = new float[n * cfg.zDim()];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) random.nextGaussian();
            }
            float[] w;
            try (NDScope scope = new NDScope()) {
                NDArray labels =
                        label == null
                                ? null
                                : manager.create(label, new Shape(1, label.length))
                                        .repeat(0, n); // [n, c_dim]
                NDArray ws =
                        generator
                                .mapping()
                                .forward(
                                        manager.create(z, new Shape(n, cfg.zDim())),
                                        labels,
                                        1,
                                        null);
                w =
                        ws.get(new NDIndex(":, 0, :"))
                                .toFloatArray(); // [n, w_dim]: all rows are equal without psi
            }
            for (int i = 0; i < w.length; i++) {
                sum[i % cfg.wDim()] += w[i];
                sumSq[i % cfg.wDim()] += (double) w[i] * w[i];
            }
        }
        float[] avg = new float[cfg.wDim()];
        double squares = 0;
        for (int c = 0; c < avg.length; c++) {
            double mean = sum[c] / samples;
            avg[c] = (float) mean;
            // Σ_i (w_ic − mean_c)² = Σ_i w_ic² − samples · mean_c²
            squares += Math.max(0, sumSq[c] - samples * mean * mean);
        }
        return new WStatistics(avg, Math.sqrt(squares / samples));
    }
}
