package sc.fiji.stylegan2.training.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/**
 * A StyleGAN2 generator as a {@link PathGenerator}: the mapping without truncation (ψ = 1, as the
 * official metrics), c one-hot for a conditional model, and the synthesis with noise mode {@code
 * const} whose maps are replaced by one fresh N(0, 1) draw per call, broadcast over the batch (the
 * official PPL sampler overwrites every {@code noise_const} buffer before each batch). Runs without
 * recording gradients, every call in its own {@link NDScope}.
 */
public final class GeneratorPath implements PathGenerator {

    private final Generator generator;
    private final NDManager manager;
    private final GeneratorConfig cfg;

    /**
     * @param generator usually a model's {@code G_ema}
     * @param manager makes the inputs
     */
    public GeneratorPath(Generator generator, NDManager manager) {
        this.generator = generator;
        this.manager = manager;
        this.cfg = generator.config();
    }

    @Override
    public int zDim() {
        return cfg.zDim();
    }

    @Override
    public int numWs() {
        return cfg.numWs();
    }

    @Override
    public int wDim() {
        return cfg.wDim();
    }

    @Override
    public int classCount() {
        return cfg.cDim();
    }

    @Override
    public int channels() {
        return cfg.imgChannels();
    }

    @Override
    public int resolution() {
        return cfg.resolution();
    }

    @Override
    public float[] mapping(float[] z, int n, int[] classes) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            NDArray zs = manager.create(z, new Shape(n, cfg.zDim()));
            NDArray c = null;
            if (cfg.cDim() > 0) {
                float[] oneHot = new float[n * cfg.cDim()];
                for (int i = 0; i < n; i++) {
                    oneHot[i * cfg.cDim() + classes[i]] = 1;
                }
                c = manager.create(oneHot, new Shape(n, cfg.cDim()));
            }
            return generator.mapping().forward(zs, c, 1, null).toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    @Override
    public float[] synthesis(float[] ws, int n, long noiseSeed) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            Random random = new Random(noiseSeed);
            Map<String, NDArray> noise = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> layer : generator.noiseLayers().entrySet()) {
                int r = layer.getValue();
                float[] map = new float[r * r];
                for (int k = 0; k < map.length; k++) {
                    map[k] = (float) random.nextGaussian();
                }
                noise.put(layer.getKey(), manager.create(map, new Shape(1, 1, r, r)));
            }
            NDArray batch = manager.create(ws, new Shape(n, cfg.numWs(), cfg.wDim()));
            return generator
                    .synthesis()
                    .forward(batch, SynthesisOptions.of(NoiseMode.CONST).withNoiseInputs(noise))
                    .toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}
