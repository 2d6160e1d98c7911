package sc.fiji.stylegan2.plugin.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.InterpolationPath;
import sc.fiji.stylegan2.model.explore.LatentSpace;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.generate.NumpyRandom;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.torch.NoGrad;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.input.LatentFiles;

/**
 * The work behind Interpolate Latents (StyleGAN paper, Sec. 4.2): frames through the keys in order,
 * by slerp between the seeds' z (official z: {@code RandomState(seed).randn}) then mapping with
 * truncation, or by lerp between the keys' truncated ws (seeds or latent files; stored noise maps
 * are lerped too and used with noise mode const); then synthesis in batches.
 */
public final class InterpolationTask {

    /**
     * What to interpolate; validated by the command, the keys' count here (files are read here).
     */
    public record Request(
            LatentSource keys,
            int between,
            LatentSpace space,
            double psi,
            NoiseMode noiseMode,
            OutputRange range,
            int batchSize,
            String condition) {}

    private InterpolationTask() {}

    /**
     * @return the frames, or null when canceled before the last one
     * @throws IllegalArgumentException when the keys are fewer than two, or latent files are given
     *     for space z
     */
    public static LabeledFloatImg run(Path modelFile, Request req, ProgressListener progress)
            throws IOException {
        LatentSource.Seeds zSeeds = req.space() == LatentSpace.Z ? seedsForZ(req.keys()) : null;
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            Walk walk = zSeeds != null ? throughZ(model, zSeeds, req) : throughW(model, req);
            List<String> labels = walk.path().stream().map(InterpolationPath.Frame::label).toList();
            GeneratedImages images =
                    model.imageGenerator()
                            .synthesize(
                                    walk.frames(),
                                    labels,
                                    SynthesisOptions.of(req.noiseMode()),
                                    req.range(),
                                    req.batchSize(),
                                    progress);
            return images.count() < labels.size() ? null : ModelTasks.wrap(images, model);
        }
    }

    /** The frames of the path and their latents. */
    private record Walk(List<InterpolationPath.Frame> path, Latents frames) {}

    /** The seeds of a Z path: latent files hold w, which has no z to slerp. */
    private static LatentSource.Seeds seedsForZ(LatentSource keys) {
        if (keys instanceof LatentSource.Seeds s) {
            return s;
        }
        throw new IllegalArgumentException(
                "space z slerps the Gaussian z of seeds, but "
                        + keys.key()
                        + " holds w latents, which have no z: use space w");
    }

    /** Lerp between the keys' truncated ws (and their noise maps, when stored). */
    private static Walk throughW(StyleGAN2Model model, Request req) {
        LabeledLatents keys =
                req.keys()
                        .resolve(
                                model.imageGenerator(),
                                req.psi(),
                                model.classes().parse(req.condition()));
        if (keys.count() < 2) {
            throw new IllegalArgumentException(
                    req.keys().key()
                            + " "
                            + LatentFiles.describe(req.keys())
                            + " gives 1 latent: give at least 2 (two files, or one file holding several)");
        }
        List<InterpolationPath.Frame> path = InterpolationPath.of(keys.labels(), req.between());
        return new Walk(path, InterpolationPath.interpolate(path, keys.latents()));
    }

    /** Slerp between the seeds' z, then the mapping with truncation. */
    private static Walk throughZ(StyleGAN2Model model, LatentSource.Seeds keys, Request req) {
        // A conditional model maps every frame's z with the one class (c one-hot).
        Integer k = model.classes().require(model.classes().parse(req.condition()));
        long[] seeds = keys.seeds();
        List<InterpolationPath.Frame> path = InterpolationPath.of(keys.labels(), req.between());
        GeneratorConfig cfg = model.config();
        float[][] zKeys = new float[seeds.length][];
        for (int i = 0; i < zKeys.length; i++) {
            zKeys[i] = NumpyRandom.z(seeds[i], cfg.zDim());
        }
        float[] z = InterpolationPath.interpolate(path, zKeys, LatentSpace.Z);
        try (NoGrad noGrad = NoGrad.enter();
                NDScope scope = new NDScope()) { // inference: record no graph
            NDArray zs = model.manager().create(z, new Shape(path.size(), cfg.zDim()));
            NDArray c =
                    k == null
                            ? null
                            : model.manager()
                                    .create(
                                            model.classes().oneHot(k, path.size()),
                                            new Shape(path.size(), cfg.cDim()));
            float[] ws =
                    model.generator()
                            .mapping()
                            .forward(zs, c, req.psi(), cfg.architecture().truncationCutoff())
                            .toFloatArray();
            return new Walk(path, new Latents(path.size(), cfg.numWs(), cfg.wDim(), ws));
        }
    }
}
