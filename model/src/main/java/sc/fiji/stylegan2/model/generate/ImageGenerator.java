package sc.fiji.stylegan2.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/**
 * Batch generation from seeds, as the official {@code generate.py}: z from numpy's RandomState(seed), the
 * mapping with truncation, the synthesis with the chosen noise mode. Every batch runs in its own
 * {@link NDScope}, so native memory is released batch by batch and only plain float arrays leave.
 */
public final class ImageGenerator {

    private final Generator generator;
    private final IntensityMapping intensity;

    public ImageGenerator(Generator generator, IntensityMapping intensity) {
        this.generator = generator;
        this.intensity = intensity;
    }

    /** Generates one image per seed; on cancel returns the images finished so far. */
    public GeneratedImages generate(NDManager manager, GenerateRequest req, ProgressListener progress) {
        GeneratorConfig cfg = generator.config();
        long[] seeds = req.seeds();
        int c = cfg.imgChannels(), res = cfg.resolution();
        int perImage = c * res * res;
        float[] out = new float[seeds.length * perImage];
        List<String> labels = new ArrayList<>();
        int done = 0;
        while (done < seeds.length && !progress.isCanceled()) {
            int b = Math.min(req.batchSize(), seeds.length - done);
            float[] z = new float[b * cfg.zDim()];
            for (int i = 0; i < b; i++) {
                System.arraycopy(NumpyRandom.z(seeds[done + i], cfg.zDim()), 0, z, i * cfg.zDim(), cfg.zDim());
            }
            try (NDScope scope = new NDScope()) {
                NDArray zs = manager.create(z, new Shape(b, cfg.zDim()));
                NDArray img = generator.forward(zs, req.truncationPsi(), req.truncationCutoff(),
                        new SynthesisOptions(req.noiseMode(), null, null));
                float[] values = img.toFloatArray();
                System.arraycopy(values, 0, out, done * perImage, values.length);
            }
            for (int i = 0; i < b; i++) {
                labels.add("seed=" + seeds[done + i]);
            }
            done += b;
            progress.progress(done, seeds.length, "generated " + done + "/" + seeds.length + " images");
        }
        float[] data = done == seeds.length ? out : Arrays.copyOf(out, done * perImage);
        if (req.outputRange() == OutputRange.MODEL) {
            intensity.apply(data);
        }
        return new GeneratedImages(data, done, c, res, res, labels);
    }
}
