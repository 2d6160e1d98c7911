package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.ConditionTransition;
import sc.fiji.stylegan2.model.explore.TransitionMethod;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.plugin.image.AviExport;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.input.ClassChoice;

/**
 * The work behind Condition Transition (Phenexplain, Lamiable et al. 2023): the frames from class a
 * to class b of each seed or latent ({@link ConditionTransition}), synthesised in batches with the
 * model's one intensity mapping for every frame, optionally also written as an AVI.
 */
public final class ConditionTransitionTask {

    /** Frames per second of the AVI. */
    static final double AVI_FPS = 7;

    /**
     * What to render; validated by the command, the classes here (they need the model).
     *
     * @param avi the AVI to write, or null for none
     */
    public record Request(
            LatentSource inputs,
            String fromCondition,
            String toCondition,
            TransitionMethod method,
            int frames,
            int classSamples,
            double psi,
            NoiseMode noiseMode,
            OutputRange range,
            int batchSize,
            Path avi) {}

    private ConditionTransitionTask() {}

    /**
     * @return the frames, input-major, labelled {@code seed=S class=A>B t=0.250}; null when
     *     canceled before the last one
     * @throws IllegalArgumentException naming the key: a class the model lacks, an unconditional
     *     model, latent files with a method that needs z
     */
    public static LabeledFloatImg run(Path modelFile, Request req, ProgressListener progress)
            throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            int a = ClassChoice.require("from_condition", req.fromCondition(), model.classes());
            int b = ClassChoice.require("to_condition", req.toCondition(), model.classes());
            ConditionTransition transition = new ConditionTransition(model, a, b, req.frames());
            ImageGenerator gen = model.imageGenerator();
            Inputs inputs = inputs(transition, req, gen, a);
            Latents frames = inputs.frames();
            GeneratedImages images =
                    gen.synthesize(
                            frames,
                            transition.labels(inputs.labels()),
                            req.noiseMode(),
                            req.range(),
                            req.batchSize(),
                            progress);
            if (images.count() < frames.count()) {
                return null;
            }
            LabeledFloatImg img = ModelTasks.wrap(images, model);
            if (req.avi() != null) {
                boolean raw = req.range() == OutputRange.RAW;
                AviExport.write(
                        req.avi(),
                        img,
                        raw ? -1 : model.intensity().low(),
                        raw ? 1 : model.intensity().high(),
                        AVI_FPS);
            }
            return img;
        }
    }

    /** The inputs' labels ({@code seed=S}, {@code name[i]}) and the frames of all of them. */
    private record Inputs(List<String> labels, Latents frames) {}

    private static Inputs inputs(
            ConditionTransition transition, Request req, ImageGenerator gen, int from) {
        if (req.inputs() instanceof LatentSource.Seeds s) {
            Latents frames =
                    switch (req.method()) {
                        case W_LERP -> transition.wLerp(s.seeds(), req.psi());
                        case EMBEDDING -> transition.embedding(s.seeds(), req.psi());
                        case CLASS_MEAN ->
                                transition.classMean(
                                        s.resolve(gen, req.psi(), from).latents(),
                                        req.classSamples(),
                                        req.psi());
                    };
            return new Inputs(s.labels(), frames);
        }
        if (req.method() != TransitionMethod.CLASS_MEAN) {
            throw new IllegalArgumentException(
                    "method "
                            + req.method().key()
                            + " maps a seed's z with each class, but "
                            + req.inputs().key()
                            + " holds w latents, which have no z: use method=class_mean"
                            + " (or seeds)");
        }
        LabeledLatents files = req.inputs().resolve(gen, req.psi(), null);
        return new Inputs(
                files.labels(),
                transition.classMean(files.latents(), req.classSamples(), req.psi()));
    }
}
