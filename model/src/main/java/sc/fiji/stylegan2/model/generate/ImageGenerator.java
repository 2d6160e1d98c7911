package sc.fiji.stylegan2.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.memory.ShrinkingBatch;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.WeightCache;
import sc.fiji.stylegan2.model.torch.FloatReadback;

/**
 * Batch generation as the official {@code generate.py}: z from numpy's RandomState(seed), the
 * mapping with truncation, the synthesis with the chosen noise mode. Every batch runs in its own
 * {@link NDScope}, so native memory is released batch by batch and only plain float arrays leave. A
 * batch that runs out of memory is retried at half the size ({@link ShrinkingBatch}, announced once
 * through {@link ProgressListener#notice}); only a single image that does not fit fails.
 */
public final class ImageGenerator {

    private final Generator generator;
    private final IntensityMapping intensity;
    private final NDManager manager;
    private final ClassLabels classes;

    /** Generation over a generator whose classes (when conditional) have no names. */
    public ImageGenerator(Generator generator, IntensityMapping intensity, NDManager manager) {
        this(generator, intensity, manager, new ClassLabels(generator.config().cDim(), List.of()));
    }

    /**
     * Generation over a generator with its classes.
     *
     * @param classes the generator's classes ({@code count} = its {@code c_dim})
     */
    public ImageGenerator(
            Generator generator,
            IntensityMapping intensity,
            NDManager manager,
            ClassLabels classes) {
        if (classes.count() != generator.config().cDim()) {
            throw new IllegalArgumentException(
                    classes.count()
                            + " classes for a generator with c_dim "
                            + generator.config().cDim());
        }
        this.generator = generator;
        this.intensity = intensity;
        this.manager = manager;
        this.classes = classes;
    }

    /** The generator's classes (none when unconditional). */
    public ClassLabels classes() {
        return classes;
    }

    /**
     * Generates one image per seed (of the request's class for a conditional model); on cancel
     * returns the images finished so far.
     *
     * @throws IllegalArgumentException naming {@code condition} when the class is missing for a
     *     conditional model, given to an unconditional one, or out of range
     */
    public GeneratedImages generate(GenerateRequest req, ProgressListener progress) {
        long[] seeds = req.seeds();
        float[] ws = mapSeeds(seeds, req.classIndex(), req.truncationPsi(), req.truncationCutoff());
        List<String> labels =
                Arrays.stream(seeds)
                        .mapToObj(s -> seedLabel(s, req.classIndex()))
                        .collect(Collectors.toList());
        return synthesize(
                ws,
                labels,
                SynthesisOptions.of(req.noiseMode()),
                req.outputRange(),
                req.batchSize(),
                progress);
    }

    /**
     * The label of a seed's image: {@code seed=S}, with {@code class=K} (or its name) when
     * conditional.
     */
    public String seedLabel(long seed, Integer classIndex) {
        return classIndex == null
                ? "seed=" + seed
                : "seed=" + seed + " class=" + classes.label(classIndex);
    }

    /**
     * The per-layer latents of the seeds of an unconditional model: {@code [seeds, num_ws, w_dim]}
     * in C order, with truncation {@code w_avg + psi (w - w_avg)} on the first {@code cutoff}
     * layers (all when null).
     *
     * @throws IllegalArgumentException for a conditional model ({@link
     *     ClassLabels#requireUnconditional})
     */
    public float[] mapSeeds(long[] seeds, double psi, Integer cutoff) {
        classes.requireUnconditional();
        return mapSeeds(seeds, null, psi, cutoff);
    }

    /**
     * The per-layer latents of the seeds, all of class {@code classIndex} (c one-hot, as the
     * official {@code generate.py --class}) for a conditional model: {@code [seeds, num_ws, w_dim]}
     * in C order, with truncation {@code w_avg + psi (w - w_avg)} on the first {@code cutoff}
     * layers (all when null; for a StyleGAN v1 model the first 8, as the official v1), towards the
     * global {@code w_avg} as the official code.
     *
     * @param classIndex the class, or null for an unconditional model
     * @throws IllegalArgumentException naming {@code condition} when the class is missing for a
     *     conditional model, given to an unconditional one, or out of range
     */
    public float[] mapSeeds(long[] seeds, Integer classIndex, double psi, Integer cutoff) {
        Integer k = classes.require(classIndex);
        GeneratorConfig cfg = generator.config();
        float[] z = new float[seeds.length * cfg.zDim()];
        for (int i = 0; i < seeds.length; i++) {
            System.arraycopy(NumpyRandom.z(seeds[i], cfg.zDim()), 0, z, i * cfg.zDim(), cfg.zDim());
        }
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            NDArray zs = manager.create(z, new Shape(seeds.length, cfg.zDim()));
            NDArray c =
                    k == null
                            ? null
                            : manager.create(
                                    classes.oneHot(k, seeds.length),
                                    new Shape(seeds.length, cfg.cDim()));
            Integer layers = cutoff != null ? cutoff : cfg.architecture().truncationCutoff();
            return generator.mapping().forward(zs, c, psi, layers).toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /**
     * Synthesises images from per-layer latents {@code ws [count, num_ws, w_dim]} (C order), in
     * batches; on cancel returns the images finished so far.
     */
    public GeneratedImages synthesize(
            float[] ws,
            List<String> labels,
            SynthesisOptions options,
            OutputRange range,
            int batchSize,
            ProgressListener progress) {
        return synthesize(ws, labels, (from, to) -> options, range, batchSize, progress);
    }

    /**
     * Synthesises the images of latents (e.g. a projection read from a latent file), in batches.
     * With noise mode const, the latents' own noise maps replace {@code noise_const} where they
     * have them, so a projection comes back exactly; random and none ignore them. On cancel returns
     * the images finished so far.
     *
     * @throws IllegalArgumentException when the latents do not fit this generator
     */
    public GeneratedImages synthesize(
            Latents latents,
            List<String> labels,
            NoiseMode noiseMode,
            OutputRange range,
            int batchSize,
            ProgressListener progress) {
        return synthesize(
                latents, labels, SynthesisOptions.of(noiseMode), range, batchSize, progress);
    }

    /**
     * As {@link #synthesize(Latents, List, NoiseMode, OutputRange, int, ProgressListener)}, with
     * further synthesis options (e.g. an activation probe); the options' noise mode decides as
     * there.
     */
    public GeneratedImages synthesize(
            Latents latents,
            List<String> labels,
            SynthesisOptions options,
            OutputRange range,
            int batchSize,
            ProgressListener progress) {
        requireFits(latents, "the input");
        boolean ownNoise = latents.hasNoise() && options.noiseMode() == NoiseMode.CONST;
        BatchOptions batchOptions =
                (from, to) ->
                        ownNoise
                                ? options.withNoiseInputs(noiseInputs(latents, from, to))
                                : options;
        return synthesize(latents.ws(), labels, batchOptions, range, batchSize, progress);
    }

    /** This generator's configuration. */
    public GeneratorConfig config() {
        return generator.config();
    }

    /**
     * Checks that latents fit this generator ({@code num_ws}, {@code w_dim}, noise layers).
     *
     * @param what the latents for messages, e.g. {@code latent_file cell_w.npz}
     * @throws IllegalArgumentException naming {@code what}, both shapes and what to do
     */
    public void requireFits(Latents latents, String what) {
        latents.requireFits(generator.config(), generator.noiseLayers(), what);
    }

    /**
     * The model's {@code noise_const} map {@code [R * R]} of every noise layer, in forward order (a
     * new map).
     */
    public Map<String, float[]> constNoise() {
        Map<String, NDArray> state = generator.stateDict();
        Map<String, float[]> maps = new LinkedHashMap<>();
        for (String layer : generator.noiseLayers().keySet()) {
            maps.put(layer, state.get(layer + ".noise_const").toFloatArray());
        }
        return maps;
    }

    /** The noise maps of images {@code [from, to)} as synthesis inputs {@code [b, 1, R, R]}. */
    private Map<String, NDArray> noiseInputs(Latents latents, int from, int to) {
        Map<String, NDArray> maps = new LinkedHashMap<>();
        latents.noise()
                .forEach(
                        (layer, values) -> {
                            int r = latents.noiseResolution(layer);
                            float[] part = Arrays.copyOfRange(values, from * r * r, to * r * r);
                            maps.put(layer, manager.create(part, new Shape(to - from, 1, r, r)));
                        });
        return maps;
    }

    /**
     * Truncation of given latents toward the tracked {@code w_avg} (StyleGAN Sec. 3.3), in place:
     * {@code w' = w_avg + psi (w - w_avg)} on every layer; nothing changes for psi = 1.
     */
    public void truncate(float[] ws, double psi) {
        if (psi == 1) {
            return;
        }
        float[] avg = generator.mapping().wAvg().toFloatArray();
        for (int i = 0; i < ws.length; i++) {
            float a = avg[i % avg.length];
            ws[i] = (float) (a + psi * (ws[i] - a));
        }
    }

    /**
     * The synthesis options of the images {@code [from, to)} of a batch (made inside the batch's
     * scope).
     */
    private interface BatchOptions {
        SynthesisOptions of(int from, int to);
    }

    private GeneratedImages synthesize(
            float[] ws,
            List<String> labels,
            BatchOptions options,
            OutputRange range,
            int requestedBatchSize,
            ProgressListener progress) {
        GeneratorConfig cfg = generator.config();
        int perW = cfg.numWs() * cfg.wDim();
        int count = ws.length / perW;
        if (count * perW != ws.length || labels.size() != count) {
            throw new IllegalArgumentException(
                    "ws must be [" + labels.size() + ", " + cfg.numWs() + ", " + cfg.wDim() + "]");
        }
        int c = cfg.imgChannels(), res = cfg.resolution();
        int perImage = c * res * res;
        float[] out = new float[count * perImage];
        int done = 0;
        ShrinkingBatch batchSize = new ShrinkingBatch("batch_size", requestedBatchSize, progress);
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // inference: record no graph, even when called from training
        // The weights stay fixed while the batches run: their derived forms are made once.
        try (WeightCache cache = WeightCache.open()) {
            while (done < count && !progress.isCanceled()) {
                int b = Math.min(batchSize.size(), count - done);
                // The scope closes before a catch runs, so a failed batch has released its native
                // memory.
                try (NDScope scope = new NDScope()) {
                    NDArray batch =
                            manager.create(
                                    Arrays.copyOfRange(ws, done * perW, (done + b) * perW),
                                    new Shape(b, cfg.numWs(), cfg.wDim()));
                    NDArray images =
                            generator.synthesis().forward(batch, options.of(done, done + b));
                    FloatReadback.into(images, out, done * perImage);
                } catch (RuntimeException e) {
                    batchSize.failed(b, e); // out of memory: retry these images in smaller batches
                    continue;
                } catch (OutOfMemoryError e) {
                    batchSize.failed(b, e);
                    continue;
                }
                batchSize.succeeded();
                done += b;
                progress.progress(done, count, "generated " + done + "/" + count + " images");
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        float[] data = done == count ? out : Arrays.copyOf(out, done * perImage);
        if (range == OutputRange.MODEL) {
            intensity.apply(data, res * res);
        }
        return new GeneratedImages(data, done, c, res, res, labels.subList(0, done));
    }
}
