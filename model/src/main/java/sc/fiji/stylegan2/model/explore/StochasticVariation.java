package sc.fiji.stylegan2.model.explore;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.WeightCache;

/**
 * Stochastic variation (StyleGAN paper, Karras et al. 2019, Sec. 3.2, Fig. 4 and 5): one latent w,
 * several realisations of the per-pixel noise inputs B in the chosen layers (the others get none).
 * Realisation k draws its noise from its own generator seeded with k, layer by layer in forward
 * order, so a run is reproducible and sample k is the same whatever the batch size.
 */
public final class StochasticVariation {

    private final Generator generator;
    private final IntensityMapping intensity;
    private final NDManager manager;

    public StochasticVariation(Generator generator, IntensityMapping intensity, NDManager manager) {
        this.generator = generator;
        this.intensity = intensity;
        this.manager = manager;
    }

    /**
     * Synthesises {@code samples} images of the same {@code ws} with fresh noise in {@code noise}
     * layers.
     *
     * @param ws one image's latents {@code [1, num_ws, w_dim]}
     * @param labelPrefix the label of every sample before its number, e.g. {@code seed=3}
     * @return the samples (fewer when canceled), labelled {@code <prefix> noise=k}
     */
    public GeneratedImages run(
            float[] ws,
            String labelPrefix,
            int samples,
            NoiseLayers noise,
            OutputRange range,
            int batchSize,
            ProgressListener progress) {
        GeneratorConfig cfg = generator.config();
        if (ws.length != cfg.numWs() * cfg.wDim()) {
            throw new IllegalArgumentException(
                    "ws must be [1, " + cfg.numWs() + ", " + cfg.wDim() + "]");
        }
        int res = cfg.resolution(), c = cfg.imgChannels(), perImage = c * res * res;
        float[] out = new float[samples * perImage];
        List<String> labels = new ArrayList<>();
        int done = 0;
        try (WeightCache cache = WeightCache.open()) {
            while (done < samples && !progress.isCanceled()) {
                int b = Math.min(batchSize, samples - done);
                try (NDScope scope = new NDScope()) {
                    NDArray batch =
                            manager.create(repeat(ws, b), new Shape(b, cfg.numWs(), cfg.wDim()));
                    SynthesisOptions options =
                            SynthesisOptions.of(NoiseMode.NONE)
                                    .withNoiseLayers(noise.predicate())
                                    .withNoiseInputs(noiseInputs(noise, done, b));
                    float[] values = generator.synthesis().forward(batch, options).toFloatArray();
                    System.arraycopy(values, 0, out, done * perImage, values.length);
                }
                for (int k = done; k < done + b; k++) {
                    labels.add(labelPrefix + " noise=" + k);
                }
                done += b;
                progress.progress(done, samples, "noise sample " + done + "/" + samples);
            }
        }
        float[] data = done == samples ? out : Arrays.copyOf(out, done * perImage);
        if (range == OutputRange.MODEL) {
            intensity.apply(data, res * res);
        }
        return new GeneratedImages(data, done, c, res, res, labels);
    }

    /** Noise maps {@code [b, 1, r, r]} for samples {@code first .. first+b-1}, by layer name. */
    private Map<String, NDArray> noiseInputs(NoiseLayers noise, int first, int b) {
        List<float[]> perLayer = new ArrayList<>();
        for (int r : noise.resolutions()) {
            perLayer.add(new float[b * r * r]);
        }
        for (int s = 0; s < b; s++) {
            SplittableRandom rng = new SplittableRandom(first + s);
            for (int l = 0; l < perLayer.size(); l++) {
                int r = noise.resolutions().get(l);
                float[] values = perLayer.get(l);
                for (int i = s * r * r; i < (s + 1) * r * r; i++) {
                    values[i] = (float) rng.nextGaussian();
                }
            }
        }
        Map<String, NDArray> inputs = new LinkedHashMap<>();
        for (int l = 0; l < perLayer.size(); l++) {
            int r = noise.resolutions().get(l);
            inputs.put(
                    noise.layers().get(l), manager.create(perLayer.get(l), new Shape(b, 1, r, r)));
        }
        return inputs;
    }

    private static float[] repeat(float[] ws, int times) {
        float[] out = new float[ws.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(ws, 0, out, i * ws.length, ws.length);
        }
        return out;
    }
}
