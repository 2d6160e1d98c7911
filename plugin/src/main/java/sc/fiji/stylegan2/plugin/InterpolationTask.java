package sc.fiji.stylegan2.plugin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.InterpolationPath;
import sc.fiji.stylegan2.model.explore.LatentSpace;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.NumpyRandom;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;

/**
 * The work behind Interpolate Latents (StyleGAN paper, Sec. 4.2): frames through the seeds in order, by
 * slerp between the seeds' z (official z: {@code RandomState(seed).randn}) then mapping with truncation,
 * or by lerp between their truncated ws; then synthesis in batches.
 */
public final class InterpolationTask {

    /** What to interpolate; validated by the command. */
    public record Request(long[] seeds, int between, LatentSpace space, double psi, NoiseMode noiseMode,
            OutputRange range, int batchSize) {}

    private InterpolationTask() {}

    /** @return the frames, or null when canceled before the last one */
    public static LabeledFloatImg run(Path modelFile, Request req, ProgressListener progress) throws IOException {
        List<InterpolationPath.Frame> path = InterpolationPath.of(req.seeds(), req.between());
        List<String> labels = path.stream().map(InterpolationPath.Frame::label).collect(Collectors.toList());
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            float[] ws = req.space() == LatentSpace.Z ? throughZ(model, path, req) : throughW(model, path, req);
            GeneratedImages frames = model.imageGenerator().synthesize(ws, labels,
                    SynthesisOptions.of(req.noiseMode()), req.range(), req.batchSize(), progress);
            return frames.count() < labels.size() ? null : LabeledFloatImg.wrap(frames);
        }
    }

    private static float[] throughZ(StyleGAN2Model model, List<InterpolationPath.Frame> path, Request req) {
        GeneratorConfig cfg = model.config();
        float[][] keys = new float[req.seeds().length][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = NumpyRandom.z(req.seeds()[i], cfg.zDim());
        }
        float[] z = InterpolationPath.interpolate(path, keys, LatentSpace.Z);
        try (NDScope scope = new NDScope()) {
            NDArray zs = model.manager().create(z, new Shape(path.size(), cfg.zDim()));
            return model.generator().mapping().forward(zs, req.psi(), null).toFloatArray();
        }
    }

    private static float[] throughW(StyleGAN2Model model, List<InterpolationPath.Frame> path, Request req) {
        GeneratorConfig cfg = model.config();
        float[] ws = model.imageGenerator().mapSeeds(req.seeds(), req.psi(), null);
        int per = cfg.numWs() * cfg.wDim();
        float[][] keys = new float[req.seeds().length][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = java.util.Arrays.copyOfRange(ws, i * per, (i + 1) * per);
        }
        return InterpolationPath.interpolate(path, keys, LatentSpace.W);
    }
}
