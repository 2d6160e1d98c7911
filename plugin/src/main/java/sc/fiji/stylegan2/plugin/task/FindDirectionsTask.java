package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.direction.DirectionFile;
import sc.fiji.stylegan2.model.direction.DirectionFinder;
import sc.fiji.stylegan2.model.direction.DirectionMethod;
import sc.fiji.stylegan2.model.direction.Directions;
import sc.fiji.stylegan2.model.explore.StyleSelection;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.plugin.input.ClassChoice;

/**
 * The work behind Find Directions: one of the four methods ({@link DirectionMethod}) on the model
 * or on two labelled sets of latents, written as a direction file ({@link DirectionFile}).
 */
public final class FindDirectionsTask {

    /**
     * What to find; validated by the command, the layers and classes here (they need the model).
     *
     * @param negative the set the direction points away from, or null
     * @param positive the set the direction points to, or null
     */
    public record Request(
            DirectionMethod method,
            String layers,
            int count,
            int samples,
            String fromCondition,
            String toCondition,
            LatentSource negative,
            LatentSource positive,
            Path output) {}

    private FindDirectionsTask() {}

    /**
     * @return one line per direction: its index, score and the file written
     * @throws IllegalArgumentException naming the key of the first value the model refuses
     */
    public static String run(Path modelFile, Request req) throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            int[] layers = StyleSelection.parse("layers", req.layers(), model.config());
            Directions d =
                    switch (req.method()) {
                        case SEFA -> DirectionFinder.sefa(model, layers, req.count());
                        case PCA -> DirectionFinder.pca(model, layers, req.samples(), req.count());
                        case CLASS_MEAN -> classMean(model, req, layers);
                        case SVM ->
                                DirectionFinder.svm(
                                        set(model, req.negative(), "negative_latents", req),
                                        set(model, req.positive(), "positive_latents", req),
                                        layers);
                    };
            DirectionFile.write(req.output(), d);
            return summary(d, req.output());
        }
    }

    private static Directions classMean(StyleGAN2Model model, Request req, int[] layers) {
        if (req.negative() != null || req.positive() != null) {
            return DirectionFinder.classMean(
                    set(model, req.negative(), "negative_latents", req),
                    set(model, req.positive(), "positive_latents", req),
                    layers);
        }
        if (!model.classes().conditional()) {
            throw new IllegalArgumentException(
                    "method class_mean: this model is unconditional; give negative_latents and"
                            + " positive_latents (two sets of latents), or use a conditional model"
                            + " with from_condition and to_condition");
        }
        int a = ClassChoice.require("from_condition", req.fromCondition(), model.classes());
        int b = ClassChoice.require("to_condition", req.toCondition(), model.classes());
        return DirectionFinder.classMean(model, a, b, req.samples(), layers);
    }

    /** The latents of a set, untruncated. */
    private static Latents set(StyleGAN2Model model, LatentSource set, String key, Request req) {
        if (set == null) {
            throw new IllegalArgumentException(
                    key
                            + " is empty: method "
                            + req.method().key()
                            + " needs two sets of latents (files or folders of .npz/.csv,"
                            + " e.g. projections), negative_latents and positive_latents");
        }
        ImageGenerator gen = model.imageGenerator();
        return set.resolve(gen, 1, null).latents();
    }

    private static String summary(Directions d, Path file) {
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%d %s direction%s for ws %s (score: %s), written to %s",
                                d.count(),
                                d.method().key(),
                                d.count() == 1 ? "" : "s",
                                StyleSelection.format(d.layers()),
                                d.method().score(),
                                file));
        for (int i = 0; i < d.count(); i++) {
            s.append(String.format(Locale.ROOT, "%n%d\t%.6g", i, d.scores()[i]));
        }
        return s.toString();
    }
}
