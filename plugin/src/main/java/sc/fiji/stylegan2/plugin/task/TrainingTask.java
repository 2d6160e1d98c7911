package sc.fiji.stylegan2.plugin.task;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scijava.plugin.PluginService;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.plugin.training.ConditionalImages;
import sc.fiji.stylegan2.plugin.training.RoiSets;
import sc.fiji.stylegan2.plugin.training.TrainingDataLoader;
import sc.fiji.stylegan2.training.GrowingSchedule;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.checkpoint.OfficialResume;
import sc.fiji.stylegan2.training.checkpoint.SnapshotFiles;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.ConditionalData;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.IntensityMode;
import sc.fiji.stylegan2.training.data.IntensityOptions;
import sc.fiji.stylegan2.training.data.SamplingMode;
import sc.fiji.stylegan2.training.data.SamplingOptions;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;

/**
 * The work behind Train StyleGAN2, free of SciJava: validates the keys, builds the options, and
 * trains or resumes. Invalid values fail with an {@link IllegalArgumentException} naming the key.
 */
public final class TrainingTask {

    private TrainingTask() {}

    /**
     * The options of a new run.
     *
     * @param batchSize 0 for the config's own
     * @param augment from {@link #augmentation}
     * @param precision the number format of the convolutions ({@code auto} resolved here)
     */
    public static TrainingOptions options(
            String config,
            TrainingData data,
            double kimg,
            int batchSize,
            double snapshotKimg,
            boolean mirror,
            AugmentOptions augment,
            Precision precision) {
        TrainingConfig cfg = checkKeys(config, kimg, batchSize, snapshotKimg);
        TrainingOptions.Builder b =
                TrainingOptions.builder(cfg, data.resolution(), data.channels())
                        .optTotalKimg(kimg)
                        .optSnapshotKimg(snapshotKimg)
                        .optMirror(mirror)
                        .optAugment(augment)
                        .optPrecision(precision);
        if (batchSize > 0) {
            b.optBatchSize(batchSize);
        }
        if (data.classes() != null) {
            b.optClasses(data.classes().count());
        }
        return b.build();
    }

    /**
     * The options of a new run of this architecture, progressively grown when {@code growing} is
     * not null. The original StyleGAN trains without the path-length penalty (official v1 loss:
     * non-saturating logistic with R1).
     */
    public static TrainingOptions options(
            String config,
            TrainingData data,
            double kimg,
            int batchSize,
            double snapshotKimg,
            boolean mirror,
            AugmentOptions augment,
            Precision precision,
            Architecture architecture,
            GrowingSchedule growing) {
        TrainingOptions o =
                options(config, data, kimg, batchSize, snapshotKimg, mirror, augment, precision);
        if (architecture == Architecture.STYLEGAN2 && growing == null) {
            return o;
        }
        TrainingOptions.Builder b = o.toBuilder().optArchitecture(architecture).optGrowing(growing);
        if (architecture == Architecture.STYLEGAN1) {
            b.optPlWeight(0);
        }
        return b.build();
    }

    /** The {@code architecture} key: {@code stylegan2} or {@code stylegan1}. */
    public static Architecture architecture(String key) {
        return Architecture.of(key == null ? "" : key);
    }

    /**
     * The {@code growing} and {@code lod_kimg} keys: the official schedule from 8x8 with phases of
     * {@code lod_kimg}, or null when not growing.
     *
     * @throws IllegalArgumentException for growing with StyleGAN2, or lod_kimg not > 0
     */
    public static GrowingSchedule growing(
            Architecture architecture, boolean growing, double lodKimg) {
        if (!growing) {
            return null;
        }
        if (architecture != Architecture.STYLEGAN1) {
            throw new IllegalArgumentException(
                    "growing=true needs architecture='stylegan1': StyleGAN2 trains at full"
                            + " resolution (StyleGAN2 Sec. 4 replaced progressive growing)");
        }
        requirePositive("lod_kimg", lodKimg);
        return GrowingSchedule.official().withPhaseKimg(lodKimg);
    }

    /** Checks the keys that need no data (before the images are read); returns the config. */
    public static TrainingConfig checkKeys(
            String config, double kimg, int batchSize, double snapshotKimg) {
        TrainingConfig cfg = TrainingConfig.parse(config);
        requirePositive("kimg", kimg);
        requirePositive("snapshot_kimg", snapshotKimg);
        if (batchSize < 0) {
            throw new IllegalArgumentException(
                    "batch_size "
                            + batchSize
                            + " is not valid: give 0 (the config's) or"
                            + " more");
        }
        return cfg;
    }

    /**
     * The augmentation keys: {@code augment} ({@code auto}: ADA below {@link
     * AugmentMode#AUTO_ADA_BELOW} images, none otherwise; {@code ada}, {@code none}, {@code
     * fixed}), {@code augment_p} (the fixed p, or where ada starts; ignored for none), {@code
     * ada_target}, {@code ada_kimg}.
     *
     * @param images the number of training images ({@code auto} decides on it)
     */
    public static AugmentOptions augmentation(
            String augment, double augmentP, double adaTarget, double adaKimg, int images) {
        AugmentMode mode = AugmentMode.choose(augment, images);
        return new AugmentOptions(
                mode, mode == AugmentMode.NONE ? 0 : augmentP, adaTarget, adaKimg);
    }

    /**
     * The data keys: {@code intensity} ({@code auto}, {@code type}, {@code data}, {@code
     * percentile}), {@code percentile_low} and {@code percentile_high} (in %), {@code per_channel};
     * {@code sampling} ({@code whole}, {@code tiles}, {@code objects}), {@code scale}, {@code
     * min_foreground}.
     */
    public static DataOptions dataOptions(
            String intensity,
            double percentileLow,
            double percentileHigh,
            boolean perChannel,
            String sampling,
            double scale,
            double minForeground) {
        return new DataOptions(
                new IntensityOptions(
                        IntensityMode.parse(intensity), percentileLow, percentileHigh, perChannel),
                new SamplingOptions(SamplingMode.parse(sampling), scale, minForeground));
    }

    /**
     * The {@code labels} file: null when not given (an error for {@code sampling=objects}), else a
     * readable file.
     */
    public static Path labelsFile(String labels, DataOptions options) {
        return labelsFile(labels, "", options);
    }

    /**
     * The {@code labels} file as {@link #labelsFile(String, DataOptions)}, where {@code
     * sampling=objects} may take its objects from {@code rois} instead.
     */
    public static Path labelsFile(String labels, String rois, DataOptions options) {
        if (labels == null || labels.isBlank()) {
            if (options.sampling().mode() == SamplingMode.OBJECTS
                    && (rois == null || rois.isBlank())) {
                throw new IllegalArgumentException(
                        "labels is not set: sampling=objects needs a label image or mask"
                                + " of the images' size, or ROIs (rois)");
            }
            return null;
        }
        Path path = Path.of(labels.trim());
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(
                    "labels '"
                            + labels.trim()
                            + "' does not exist: give a label image or"
                            + " mask (TIFF, PNG) of the images' size");
        }
        return path;
    }

    /**
     * The objects of {@code rois} (a ROI set file, or {@code [ROI Manager]}): null when not given.
     *
     * @throws IllegalArgumentException naming {@code rois}
     */
    public static List<RoiSets.RoiCentre> roiCentres(String rois) {
        return rois == null || rois.isBlank() ? null : RoiSets.read(rois);
    }

    /**
     * Checks {@code conditions} before the images are read: its value ({@link ConditionalImages}),
     * and that the data are whole images (each image one sample, so one label per sample).
     */
    public static void checkConditions(String conditions, Path images, DataOptions options) {
        if (ConditionalImages.none(conditions)) {
            return;
        }
        if (options.sampling().mode() != SamplingMode.WHOLE) {
            throw new IllegalArgumentException(
                    ConditionalImages.KEY
                            + " needs sampling=whole (one label per image); tiles and object crops"
                            + " take no labels");
        }
        ConditionalImages.check(conditions, images);
    }

    /**
     * Reads conditional training data: the images and their classes ({@link ConditionalImages}),
     * prepared as whole images by {@code options}.
     */
    public static TrainingData conditionalData(
            Path images, String conditions, int resolution, DataOptions options)
            throws IOException {
        ConditionalImages read;
        try {
            read = ConditionalImages.read(images, conditions);
        } catch (IOException e) { // unreadable images are bad input; the message names the file
            throw new IllegalArgumentException("images: " + e.getMessage(), e);
        }
        TrainingData prepared;
        try {
            prepared = DataPreparation.prepare(read.stack(), null, resolution, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("images '" + images + "': " + e.getMessage(), e);
        }
        return new ConditionalData(prepared, read.classes());
    }

    /** Checks {@code resolution}: a power of two from 8 to 1024. */
    public static int requireResolution(int resolution) {
        if (resolution < 8 || resolution > 1024 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException(
                    "resolution "
                            + resolution
                            + " is not valid: give a power of two from 8 to 1024 (e.g. 32, 64, 128, 256)");
        }
        return resolution;
    }

    /**
     * Checks the output folder before any work starts, without creating it (the training loop does,
     * once the images are read): it is a writable folder, or a path whose nearest existing parent
     * is one.
     *
     * @throws IllegalArgumentException naming {@code output_dir} and the problem
     */
    public static Path outputFolder(File dir) {
        if (dir == null || dir.getPath().isBlank()) {
            throw new IllegalArgumentException(
                    "output_dir is not set: give the folder for checkpoints and logs");
        }
        Path p = dir.toPath().toAbsolutePath();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(
                    "output_dir '"
                            + dir
                            + "': "
                            + (existing == p ? "it" : existing)
                            + " is a file, not a folder; give a folder (it is created when missing)");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(
                    "output_dir '"
                            + dir
                            + "': folder "
                            + existing
                            + " is not writable;"
                            + " give a folder you can write to");
        }
        return p;
    }

    /**
     * The checkpoint to resume from: null for a new run (empty key), the newest snapshot in the
     * output folder for {@code latest}, else the file given.
     */
    public static Path resumeFile(String resume, Path outputDir) throws IOException {
        if (resume == null || resume.isBlank()) {
            return null;
        }
        if (resume.trim().equalsIgnoreCase("latest")) {
            return SnapshotFiles.latest(outputDir)
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "resume=latest: "
                                                    + outputDir
                                                    + " has no network-snapshot-*.sg2 to resume from"));
        }
        return ModelFiles.requireReadable("resume", new File(resume.trim()));
    }

    /**
     * Trains, or resumes with the schedule given ({@code kimg}, {@code snapshot_kimg}; the
     * networks, batch, objective, augmentation and precision stay those of the checkpoint, whose p
     * continues). An official {@code network-snapshot-<kimg>.pkl} gives the networks, the kimg and
     * p; the rest of {@code options} stays as the keys set it.
     */
    public static TrainingLoop.Result run(
            TrainingData data,
            Path outputDir,
            TrainingOptions options,
            Path resume,
            TrainingListener listener)
            throws IOException {
        TrainingLoop loop = new TrainingLoop(data, outputDir, listener);
        if (resume == null) {
            return loop.train(options);
        }
        if (OfficialResume.isPickle(resume)) {
            return loop.resumeOfficial(resume, options);
        }
        return loop.resume(
                resume,
                o ->
                        o.toBuilder()
                                .optTotalKimg(options.totalKimg())
                                .optSnapshotKimg(options.snapshotKimg())
                                .build());
    }

    /** A one-line report of how a run ended. */
    public static String report(TrainingLoop.Result r) {
        return String.format(
                Locale.ROOT,
                "%s at %.3f kimg; last checkpoint %s",
                r.canceled() ? "Stopped" : "Finished",
                r.state().kimg(),
                r.lastCheckpoint());
    }

    private static void requirePositive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " " + v + " is not valid: give a number > 0");
        }
    }

    /** What to give for {@code images}. */
    public static final String IMAGES_HINT = "give a TIFF stack file or a folder of images";

    /**
     * The training images {@code images}: a TIFF stack file or a folder.
     *
     * @param missing what to say when it is not set (after "images is not set: ")
     * @throws IllegalArgumentException naming {@code images} when it is not set or does not exist
     */
    public static Path requireImages(File images, String missing) {
        if (images == null || images.getPath().isBlank()) {
            throw new IllegalArgumentException("images is not set: " + missing);
        }
        if (!Files.exists(images.toPath())) {
            throw new IllegalArgumentException("images '" + images + "' does not exist");
        }
        return images.toPath();
    }

    /**
     * Reads the images with the highest-priority {@link TrainingDataLoader} that supports them,
     * prepared by {@code options}, with the objects of a label image or ROIs (null when none).
     *
     * @throws IllegalArgumentException naming {@code images} when no loader handles them
     */
    public static TrainingData loadImages(
            PluginService plugins,
            Path path,
            int res,
            DataOptions options,
            Path labelsPath,
            List<RoiSets.RoiCentre> roiCentres)
            throws IOException {
        for (TrainingDataLoader loader : plugins.createInstancesOfType(TrainingDataLoader.class)) {
            if (loader.supports(path)) {
                return roiCentres == null
                        ? loader.load(path, res, options, labelsPath)
                        : loader.load(path, res, options, labelsPath, roiCentres);
            }
        }
        throw new IllegalArgumentException(
                "images '"
                        + path
                        + "': no installed reader handles it (expected a TIFF"
                        + " stack file or a folder of images)");
    }
}
