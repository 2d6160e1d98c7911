package sc.fiji.stylegan2.plugin.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.ClassLabels;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.generate.SeedList;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;

/**
 * The work behind the StyleGAN2 commands, free of SciJava: each method opens the model, does one
 * job and closes it again. Invalid user values fail with an {@link IllegalArgumentException} whose
 * message names the parameter key (e.g. {@code seeds}) and says what is valid; unreadable models
 * fail with the model library's {@link IOException}.
 */
public final class ModelTasks {

    private ModelTasks() {}

    /**
     * Turns the text values of Generate Images into a validated request.
     *
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    public static GenerateRequest generateRequest(
            String seeds,
            double truncationPsi,
            String noiseMode,
            String outputRange,
            int batchSize) {
        long[] seedList = SeedList.parse("seeds", seeds);
        return GenerateRequest.builder(seedList)
                .optTruncationPsi(truncationPsi)
                .optNoiseMode(NoiseMode.parse(noiseMode))
                .optOutputRange(OutputRange.parse(outputRange))
                .optBatchSize(batchSize)
                .build();
    }

    /**
     * Generates one image per seed of the request.
     *
     * @return the images, or null when the work was canceled before the first batch finished
     */
    public static LabeledFloatImg generate(
            Path modelFile, GenerateRequest request, ProgressListener progress) throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            GeneratedImages images = model.generate(request, progress);
            return images.count() == 0 ? null : wrap(images, model);
        }
    }

    /**
     * Generates one image per latent of a source (seeds, or latent files in {@code .npz} or {@code
     * .csv}); the request's seeds are not used. Truncation {@code w' = w_avg + psi (w - w_avg)}
     * applies to a file's ws too; with noise mode const its noise maps (when it has them) replace
     * the model's, so a projection comes back exactly.
     *
     * @return the images, labelled {@code seed=S} or {@code <file name>[i]}, or null when canceled
     *     before the first batch
     * @throws IllegalArgumentException naming the key when a file cannot be read or does not fit
     *     the model
     */
    public static LabeledFloatImg generate(
            Path modelFile, LatentSource source, GenerateRequest request, ProgressListener progress)
            throws IOException {
        return generate(modelFile, source, request, "", progress);
    }

    /**
     * As {@link #generate(Path, LatentSource, GenerateRequest, ProgressListener)}, with the class
     * of a conditional model's images: {@code condition} is a class index or a class name the model
     * stores, empty for an unconditional model or latent files.
     *
     * @throws IllegalArgumentException naming {@code condition} when it is missing for a
     *     conditional model with seeds, given to an unconditional model or with latent files, or
     *     names no class of the model
     */
    public static LabeledFloatImg generate(
            Path modelFile,
            LatentSource source,
            GenerateRequest request,
            String condition,
            ProgressListener progress)
            throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            ImageGenerator generator = model.imageGenerator();
            Integer classIndex = model.classes().parse(condition);
            LabeledLatents latents = source.resolve(generator, request.truncationPsi(), classIndex);
            GeneratedImages images =
                    generator.synthesize(
                            latents.latents(),
                            latents.labels(),
                            request.noiseMode(),
                            request.outputRange(),
                            request.batchSize(),
                            progress);
            return images.count() == 0 ? null : wrap(images, model);
        }
    }

    /**
     * The latents of a source: seeds mapped with the class of a conditional model, latent files as
     * they are (their ws already hold their class).
     *
     * @param classIndex the class ({@link ClassLabels#parse} of {@code condition}), or null
     * @param alsoFiles whether a class given with latent files is an error (as in Generate Images),
     *     or meant for another source of the same command (as Style Mixing's rows and columns)
     * @throws IllegalArgumentException naming {@code condition} when it is missing for seeds of a
     *     conditional model, given to an unconditional model, or given with latent files only
     */
    static LabeledLatents resolve(
            LatentSource source,
            ImageGenerator generator,
            double psi,
            Integer classIndex,
            boolean alsoFiles) {
        boolean seeds = source instanceof LatentSource.Seeds;
        return source.resolve(generator, psi, seeds || alsoFiles ? classIndex : null);
    }

    /**
     * The multi-line summary of a model file (architecture, resolution, channels, what it holds).
     */
    public static String describe(Path modelFile) throws IOException {
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            return model.describe();
        }
    }

    /**
     * Reads a model of any supported kind and writes it in this project's {@code .sg2} format.
     *
     * @return a one-line report of what was written
     * @throws IllegalArgumentException if the output would overwrite the input
     */
    public static String convert(Path modelFile, Path outputFile) throws IOException {
        if (sameFile(modelFile, outputFile)) {
            throw new IllegalArgumentException(
                    "output_file '"
                            + outputFile
                            + "' is the model_file itself: choose another name");
        }
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            model.save(outputFile);
            return "Wrote "
                    + outputFile
                    + " from "
                    + modelFile.getFileName()
                    + " ("
                    + (model.hasDiscriminator() ? "generator and discriminator" : "generator only")
                    + ", "
                    + model.config().resolution()
                    + " px, "
                    + model.config().imgChannels()
                    + " channel(s))";
        }
    }

    /** Generated images with the model's pixel size (none when the model has none). */
    static LabeledFloatImg wrap(GeneratedImages images, StyleGAN2Model model) {
        return withModelCalibration(LabeledFloatImg.wrap(images), model, 1);
    }

    /**
     * Images whose pixels are each {@code factor} generated pixels wide (and high), with the
     * model's pixel size times {@code factor} (none when the model has none).
     */
    static LabeledFloatImg withModelCalibration(
            LabeledFloatImg images, StyleGAN2Model model, double factor) {
        return images.withCalibration(model.calibration().map(c -> c.times(factor)).orElse(null));
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
