package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.image.ImagePreprocessing;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.memory.ShrinkingBatch;
import sc.fiji.stylegan2.model.project.BatchProgress;
import sc.fiji.stylegan2.model.project.ProjectionOptions;
import sc.fiji.stylegan2.model.project.ProjectionResult;
import sc.fiji.stylegan2.model.project.Projector;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TargetImages;
import sc.fiji.stylegan2.plugin.image.TargetSampling;
import sc.fiji.stylegan2.plugin.input.LatentFiles;

/**
 * The work behind Project Image, free of SciJava: open the model, cut the targets as {@link
 * TargetSampling} says (whole, or their tiles), bring them to the model's size and range with the
 * model's stored intensity mapping, per channel ({@link ImagePreprocessing}), project them {@code
 * batch_size} at a time (half as many after a batch ran out of memory, see {@link ShrinkingBatch}),
 * write the latents, and return the images in the model's intensity units.
 */
public final class ProjectionTask {

    /**
     * What a projection gives the user.
     *
     * @param reconstruction one image per target, in the model's intensity units, with the target's
     *     pixel size as the model sees it (see {@link #modelInputCalibration})
     * @param optimisation per target, the images every {@code save_every} steps (null when none
     *     were kept), calibrated as the reconstruction
     * @param summary one line per batch: steps, time, loss; and the files written
     */
    public record Outcome(
            LabeledFloatImg reconstruction,
            LabeledFloatImg optimisation,
            Latents latents,
            String summary) {}

    private ProjectionTask() {}

    /**
     * Projects every target image.
     *
     * @param targets the target images and their pixel size, given the model's channel count (which
     *     tells how to read an ImgLib2 image of dims (W, H, C))
     * @param condition the class to project under, for a conditional model (a class index or name;
     *     empty for an unconditional model)
     * @param latentFile where the latents go ({@code .npz}, with a {@code .csv} beside it), or null
     * @return the outcome, or null when canceled before the first batch started
     * @throws IllegalArgumentException naming the parameter for invalid targets or options
     */
    public static Outcome run(
            Path modelFile,
            IntFunction<TargetImages.Targets> targets,
            TargetSampling sampling,
            ProjectionOptions options,
            String condition,
            int batchSize,
            Path latentFile,
            ProgressListener progress)
            throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "batch_size " + batchSize + " is not valid: give 1 or more");
        }
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            Integer classIndex = model.classes().require(model.classes().parse(condition));
            TargetImages.Targets given = targets.apply(model.config().imgChannels());
            int resolution = model.config().resolution();
            Calibration calibration =
                    modelInputCalibration(
                            given, sampling.cropSide(given.images(), resolution), resolution);
            PlanarImages input =
                    modelInput(
                            given.images(),
                            sampling,
                            resolution,
                            model.config().imgChannels(),
                            model.intensity());
            Projector projector = new Projector(model, options, classIndex);
            List<ProjectionResult> results = new ArrayList<>();
            StringBuilder summary = new StringBuilder();
            ShrinkingBatch size = new ShrinkingBatch("batch_size", batchSize, progress);
            int done = 0;
            while (done < input.count() && !progress.isCanceled()) {
                int b = Math.min(size.size(), input.count() - done);
                PlanarImages batch = input.slice(done, done + b);
                ProjectionResult r;
                try { // a failed projection has closed its memory; retry the same targets in
                    // smaller batches
                    r =
                            projector.project(
                                    batch,
                                    BatchProgress.of(
                                            progress,
                                            done,
                                            b,
                                            input.count(),
                                            options.numSteps(),
                                            "",
                                            "images"));
                } catch (RuntimeException e) {
                    size.failed(b, e);
                    continue;
                } catch (OutOfMemoryError e) {
                    size.failed(b, e);
                    continue;
                }
                size.succeeded();
                done += b;
                results.add(r);
                summary.append(
                        String.format(
                                Locale.ROOT,
                                "Projected %s in %s: %d/%d steps, %.3f s/step, loss %s%s%n",
                                describe(batch),
                                options.space().key(),
                                r.stepsDone(),
                                options.numSteps(),
                                r.secondsPerStep(),
                                losses(r.bestLoss()),
                                r.canceled() ? " (canceled: best latents so far)" : ""));
            }
            if (results.isEmpty()) {
                return null;
            }
            Latents latents =
                    Latents.concat(results.stream().map(ProjectionResult::latents).toList());
            if (latentFile != null) {
                summary.append(write(latentFile, latents));
            }
            LabeledFloatImg optimisation = optimisation(model, results);
            return new Outcome(
                    reconstruction(model, results).withCalibration(calibration),
                    optimisation == null ? null : optimisation.withCalibration(calibration),
                    latents,
                    summary.toString().strip());
        }
    }

    /**
     * The targets as the model sees them: cut by {@code sampling} (whole, tiles or objects),
     * centre-cropped, resized to {@code resolution} and mapped to [-1, 1] with the model's stored
     * {@code intensity} mapping, per channel, as its training data was.
     *
     * @throws IllegalArgumentException naming {@code sampling}, {@code scale} or {@code target}
     */
    public static PlanarImages modelInput(
            PlanarImages targets,
            TargetSampling sampling,
            int resolution,
            int channels,
            IntensityMapping intensity) {
        return ImagePreprocessing.toModelInput(
                sampling.apply(targets, resolution, intensity),
                resolution,
                channels,
                intensity,
                "target");
    }

    /**
     * The pixel size of the targets as the model sees them: the target's, times the side of the
     * tile or centred square crop over the model resolution ({@link ImagePreprocessing} crops, then
     * resizes to the model's size); null when the target has none.
     */
    private static Calibration modelInputCalibration(
            TargetImages.Targets targets, int side, int resolution) {
        if (targets.calibration() == null) {
            return null;
        }
        return targets.calibration().times((double) side / resolution);
    }

    private static String describe(PlanarImages batch) {
        return batch.count() == 1
                ? batch.labels().get(0)
                : batch.count() + " images (" + batch.labels().get(0) + " ...)";
    }

    private static String losses(float[] loss) {
        StringBuilder s = new StringBuilder();
        for (float l : loss) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", l));
        }
        return s.toString();
    }

    /** Writes the {@code .npz} and the {@code .csv} beside it. */
    private static String write(Path latentFile, Latents latents) throws IOException {
        Path npz = LatentFiles.npz(latentFile);
        Path csv = LatentFiles.csv(latentFile);
        LatentFile.write(npz, latents);
        LatentFile.write(csv, latents);
        return "Wrote " + npz + " and " + csv;
    }

    private static LabeledFloatImg reconstruction(
            StyleGAN2Model model, List<ProjectionResult> results) {
        List<float[]> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ProjectionResult r : results) {
            parts.add(r.reconstruction().data());
            labels.addAll(r.reconstruction().labels());
        }
        float[] data = join(parts);
        int res = model.config().resolution();
        model.intensity().apply(data, res * res);
        return LabeledFloatImg.of(data, res, res, model.config().imgChannels(), labels);
    }

    /** Per target, its snapshots in step order (targets one after the other). */
    private static LabeledFloatImg optimisation(
            StyleGAN2Model model, List<ProjectionResult> results) {
        int res = model.config().resolution();
        int size = model.config().imgChannels() * res * res;
        List<float[]> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ProjectionResult r : results) {
            for (int n = 0; n < r.reconstruction().count(); n++) {
                for (ProjectionResult.Snapshot s : r.snapshots()) {
                    float[] one = new float[size];
                    System.arraycopy(s.images(), n * size, one, 0, size);
                    parts.add(one);
                    labels.add(r.reconstruction().labels().get(n) + " step=" + s.step());
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        float[] data = join(parts);
        model.intensity().apply(data, res * res);
        return LabeledFloatImg.of(data, res, res, model.config().imgChannels(), labels);
    }

    private static float[] join(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
