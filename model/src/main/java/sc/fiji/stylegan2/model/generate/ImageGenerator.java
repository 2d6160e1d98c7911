package sc.fiji.stylegan2.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/**
 * Batch generation as the official {@code generate.py}: z from numpy's RandomState(seed), the mapping with
 * truncation, the synthesis with the chosen noise mode. Every batch runs in its own {@link NDScope}, so
 * native memory is released batch by batch and only plain float arrays leave.
 */
public final class ImageGenerator {

    private final Generator generator;
    private final IntensityMapping intensity;
    private final NDManager manager;

    public ImageGenerator(Generator generator, IntensityMapping intensity, NDManager manager) {
        this.generator = generator;
        this.intensity = intensity;
        this.manager = manager;
    }

    /** Generates one image per seed; on cancel returns the images finished so far. */
    public GeneratedImages generate(GenerateRequest req, ProgressListener progress) {
        long[] seeds = req.seeds();
        float[] ws = mapSeeds(seeds, req.truncationPsi(), req.truncationCutoff());
        List<String> labels = Arrays.stream(seeds).mapToObj(s -> "seed=" + s).collect(Collectors.toList());
        return synthesize(ws, labels, SynthesisOptions.of(req.noiseMode()), req.outputRange(), req.batchSize(),
                progress);
    }

    /**
     * The per-layer latents of the seeds: {@code [seeds, num_ws, w_dim]} in C order, with truncation
     * {@code w_avg + psi (w - w_avg)} on the first {@code cutoff} layers (all when null).
     */
    public float[] mapSeeds(long[] seeds, double psi, Integer cutoff) {
        GeneratorConfig cfg = generator.config();
        float[] z = new float[seeds.length * cfg.zDim()];
        for (int i = 0; i < seeds.length; i++) {
            System.arraycopy(NumpyRandom.z(seeds[i], cfg.zDim()), 0, z, i * cfg.zDim(), cfg.zDim());
        }
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            NDArray zs = manager.create(z, new Shape(seeds.length, cfg.zDim()));
            return generator.mapping().forward(zs, psi, cutoff).toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /**
     * Synthesises images from per-layer latents {@code ws [count, num_ws, w_dim]} (C order), in batches; on
     * cancel returns the images finished so far.
     */
    public GeneratedImages synthesize(float[] ws, List<String> labels, SynthesisOptions options, OutputRange range,
            int batchSize, ProgressListener progress) {
        GeneratorConfig cfg = generator.config();
        int perW = cfg.numWs() * cfg.wDim();
        int count = ws.length / perW;
        if (count * perW != ws.length || labels.size() != count) {
            throw new IllegalArgumentException("ws must be [" + labels.size() + ", " + cfg.numWs() + ", " + cfg.wDim()
                    + "]");
        }
        int c = cfg.imgChannels(), res = cfg.resolution();
        int perImage = c * res * res;
        float[] out = new float[count * perImage];
        int done = 0;
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // inference: record no graph, even when called from training
        try {
            while (done < count && !progress.isCanceled()) {
                int b = Math.min(batchSize, count - done);
                try (NDScope scope = new NDScope()) {
                    NDArray batch = manager.create(Arrays.copyOfRange(ws, done * perW, (done + b) * perW),
                            new Shape(b, cfg.numWs(), cfg.wDim()));
                    float[] values = generator.synthesis().forward(batch, options).toFloatArray();
                    System.arraycopy(values, 0, out, done * perImage, values.length);
                }
                done += b;
                progress.progress(done, count, "generated " + done + "/" + count + " images");
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        float[] data = done == count ? out : Arrays.copyOf(out, done * perImage);
        if (range == OutputRange.MODEL) {
            intensity.apply(data);
        }
        return new GeneratedImages(data, done, c, res, res, labels.subList(0, done));
    }
}
