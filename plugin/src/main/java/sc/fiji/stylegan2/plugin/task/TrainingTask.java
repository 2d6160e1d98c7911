package sc.fiji.stylegan2.plugin.task;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.checkpoint.SnapshotFiles;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.DataOptions;
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
        return b.build();
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
        if (labels == null || labels.isBlank()) {
            if (options.sampling().mode() == SamplingMode.OBJECTS) {
                throw new IllegalArgumentException(
                        "labels is not set: sampling=objects needs a label image or mask"
                                + " of the images' size");
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
     * continues).
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
}
