package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * What the projector optimises for N images (StyleGAN2 Sec. 5): the latent {@code w [N, rows,
 * w_dim]} (rows 1 in W, num_ws in W+), starting at {@code w_avg}, and one noise map {@code [N, 1,
 * R, R]} per synthesis layer, starting as white noise and kept at zero mean and unit variance.
 * These are the only arrays that require gradients; they live in their own manager.
 */
final class ProjectionVariables implements AutoCloseable {

    private final NDManager manager;
    private final int count;
    private final int numWs;
    private final NDArray w;
    private final Map<String, NDArray> noise = new LinkedHashMap<>();

    /**
     * @param noiseLayers the layers whose noise maps are optimised, with their resolution R; empty:
     *     none (the model's {@code noise_const} is used)
     * @param noiseStart per layer the start map {@code [R·R]} for every image, or null for white
     *     noise drawn from {@code random}
     */
    ProjectionVariables(
            NDManager parent,
            ProjectionSpace space,
            int count,
            int numWs,
            float[] wAvg,
            Map<String, Integer> noiseLayers,
            Map<String, float[]> noiseStart,
            Random random) {
        this.manager = parent.newSubManager();
        this.count = count;
        this.numWs = numWs;
        int rows = space.rows(numWs);
        float[] start = new float[count * rows * wAvg.length];
        for (int i = 0; i < count * rows; i++) {
            System.arraycopy(wAvg, 0, start, i * wAvg.length, wAvg.length);
        }
        this.w = manager.create(start, new Shape(count, rows, wAvg.length));
        w.setRequiresGradient(true);
        noiseLayers.forEach(
                (layer, r) -> {
                    float[] first = noiseStart == null ? null : noiseStart.get(layer);
                    float[] values = new float[count * r * r];
                    for (int i = 0; i < values.length; i++) {
                        values[i] =
                                first == null
                                        ? (float) random.nextGaussian()
                                        : first[i % first.length];
                    }
                    NDArray n = manager.create(values, new Shape(count, 1, r, r));
                    n.setRequiresGradient(true);
                    noise.put(layer, n);
                });
    }

    /** The arrays Adam updates, by name: {@code w}, {@code noise.<layer>}. */
    Map<String, NDArray> parameters() {
        Map<String, NDArray> p = new LinkedHashMap<>();
        p.put("w", w);
        noise.forEach((layer, n) -> p.put("noise." + layer, n));
        return p;
    }

    /** The noise maps by layer, for {@code SynthesisOptions.withNoiseInputs}. */
    Map<String, NDArray> noise() {
        return noise;
    }

    Collection<NDArray> noiseMaps() {
        return noise.values();
    }

    /** Rows of w and their shape: the shape of the w noise. */
    Shape wShape() {
        return w.getShape();
    }

    /**
     * The synthesis input {@code [N, num_ws, w_dim]}: {@code w + wNoise} (broadcast over layers in
     * W).
     */
    NDArray ws(NDArray wNoise) {
        NDArray x = wNoise == null ? w : w.add(wNoise);
        return x.getShape().get(1) == numWs ? x : x.repeat(1, numWs);
    }

    /**
     * n ← (n − mean n) / sqrt(mean (n − mean n)²) per image and layer, in place, outside autograd.
     */
    void renormalizeNoise() {
        int[] perImage = {1, 2, 3};
        for (NDArray n : noise.values()) {
            long size = n.getShape().get(2) * n.getShape().get(3);
            try (NDArray mean = n.sum(perImage, true).div(size)) {
                n.subi(mean);
            }
            try (NDArray rms = n.square().sum(perImage, true).div(size).sqrt()) {
                n.divi(rms);
            }
        }
    }

    /** The current values as latents (ws in W+ form, noise maps [N, R, R]). */
    Latents latents() {
        NDArray full = ws(null);
        float[] ws = full.toFloatArray();
        if (full != w) {
            full.close();
        }
        Map<String, float[]> maps = new LinkedHashMap<>();
        noise.forEach((layer, n) -> maps.put(layer, n.toFloatArray()));
        return new Latents(count, numWs, (int) w.getShape().get(2), ws, maps);
    }

    @Override
    public void close() {
        manager.close();
    }
}
