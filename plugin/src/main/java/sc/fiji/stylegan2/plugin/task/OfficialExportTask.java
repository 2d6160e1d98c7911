package sc.fiji.stylegan2.plugin.task;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint;
import sc.fiji.stylegan2.plugin.input.ModelFiles;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.official.OfficialDatasetWriter;
import sc.fiji.stylegan2.training.official.OfficialExport;
import sc.fiji.stylegan2.training.official.OfficialTrainCommand;

/**
 * The work of Export for Official Training: the keys checked, the networks and options to continue
 * from (a training checkpoint's own options, or the keys' config around any other model's
 * networks), and the export ({@link OfficialExport}).
 */
public final class OfficialExportTask {

    /**
     * What the official run continues from.
     *
     * @param model the networks, or null for a new run (owned by the caller)
     * @param options the run's options (a checkpoint's own, or from the keys)
     * @param augmentP the augmentation probability the networks reached (0 for a new run)
     * @param kimgDone thousands of images the networks have seen (0 when unknown)
     */
    public record Start(
            StyleGAN2Model model, TrainingOptions options, double augmentP, double kimgDone) {}

    private OfficialExportTask() {}

    /** The optional {@code model_file}: null when empty, else a readable file. */
    public static Path modelFile(String modelFile) {
        if (modelFile == null || modelFile.isBlank()) {
            return null;
        }
        return ModelFiles.requireReadable("model_file", new File(modelFile.trim()));
    }

    /**
     * The optional {@code class_file}: one class index (0, 1, ...) per image, in the order of the
     * images, separated by line breaks, commas or spaces; null when the key is empty.
     */
    public static int[] classes(String classFile) throws IOException {
        if (classFile == null || classFile.isBlank()) {
            return null;
        }
        Path path = Path.of(classFile.trim());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(
                    "class_file '"
                            + classFile.trim()
                            + "' is not a readable file: give a text file"
                            + " with one class index (0, 1, ...) per image");
        }
        List<Integer> out = new ArrayList<>();
        for (String token : Files.readString(path).trim().split("[\\s,;]+")) {
            try {
                int c = Integer.parseInt(token);
                if (c < 0) {
                    throw new NumberFormatException();
                }
                out.add(c);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "class_file '"
                                + classFile.trim()
                                + "': '"
                                + token
                                + "' is not a class"
                                + " index; give whole numbers 0, 1, ... one per image");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Checks the data against the official format and the classes, before the model is read. */
    public static void checkData(TrainingData data, int[] classes) {
        OfficialDatasetWriter.requireSupported(data);
        if (classes != null && classes.length != data.size()) {
            throw new IllegalArgumentException(
                    "class_file holds "
                            + classes.length
                            + " classes for "
                            + data.size()
                            + " images: give one class per image, in the images' order"
                            + " (sampling=whole)");
        }
    }

    /**
     * The networks and options to continue from: a training checkpoint brings its own options
     * (networks, batch, objective, augmentation, p); another model file its networks, around {@code
     * options} from the keys; no file a new run with {@code options}.
     */
    public static Start start(Path modelFile, TrainingOptions keys, TrainingData data)
            throws IOException {
        if (modelFile == null) {
            return new Start(null, keys, 0, 0);
        }
        Start s;
        if (Sg2Checkpoint.isSg2(modelFile) && isTrainingCheckpoint(modelFile)) {
            TrainingCheckpoint c = TrainingCheckpoint.read(modelFile);
            TrainingOptions own =
                    c.options().toBuilder().optSnapshotKimg(keys.snapshotKimg()).build();
            s = new Start(c.model(), own, c.state().augment().p(), c.state().kimg());
        } else {
            StyleGAN2Model m = StyleGAN2Model.load(modelFile);
            try {
                TrainingOptions.Builder b = keys.toBuilder().optGenerator(m.config());
                if (m.hasDiscriminator()) {
                    b.optMbstdGroup(m.discriminator().config().mbstdGroupSize());
                }
                s = new Start(m, b.build(), 0, 0);
            } catch (IllegalArgumentException e) {
                m.close();
                throw new IllegalArgumentException("model_file: " + e.getMessage());
            }
        }
        try {
            requireFits(s.model(), data);
        } catch (IllegalArgumentException e) {
            s.model().close();
            throw e;
        }
        return s;
    }

    private static boolean isTrainingCheckpoint(Path file) {
        try {
            return Sg2Checkpoint.read(file).meta().has("training");
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireFits(StyleGAN2Model m, TrainingData data) {
        if (m.config().resolution() != data.resolution()
                || m.config().imgChannels() != data.channels()) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "model_file makes %d px images of %d channel(s), the data is %d px of"
                                    + " %d channel(s): set resolution to %d, or give images of that"
                                    + " kind",
                            m.config().resolution(),
                            m.config().imgChannels(),
                            data.resolution(),
                            data.channels(),
                            m.config().resolution()));
        }
        if (m.trainingGenerator() == null || !m.hasDiscriminator()) {
            throw new IllegalArgumentException(
                    "model_file has no "
                            + (m.trainingGenerator() == null
                                    ? "training generator G"
                                    : "discriminator D")
                            + ": the official --resume needs G, D and G_ema; give a training"
                            + " checkpoint (network-snapshot-*.sg2) or an official"
                            + " network-snapshot-*.pkl");
        }
    }

    /** The conditional checks: classes need a conditional model, a conditional model classes. */
    public static void requireLabelsFit(Start s, int[] classes) {
        if (s.model() == null) {
            return;
        }
        int cDim = s.model().config().cDim();
        if (classes == null && cDim > 0) {
            throw new IllegalArgumentException(
                    "model_file is conditional ("
                            + cDim
                            + " classes): give class_file, one class"
                            + " per image");
        }
        if (classes != null && cDim == 0) {
            throw new IllegalArgumentException(
                    "class_file given but model_file is unconditional: leave class_file empty, or"
                            + " leave model_file empty to start a new conditional run");
        }
        if (classes != null) {
            int max = java.util.Arrays.stream(classes).max().orElse(-1);
            if (max + 1 != cDim) {
                // the official loader's label_dim is max(class) + 1, which sizes G's embedding
                throw new IllegalArgumentException(
                        "class_file: classes 0.."
                                + max
                                + " for a model of "
                                + cDim
                                + " classes (0.."
                                + (cDim - 1)
                                + "); the official trainer sizes the"
                                + " labels by the highest class, so the classes must reach "
                                + (cDim - 1));
            }
        }
    }

    /** Writes the folder; returns the message for the user. */
    public static String export(
            Path out,
            TrainingData data,
            int[] classes,
            Start s,
            int kimg,
            ProgressListener progress)
            throws IOException {
        AugmentMode mode = s.options().augment().mode();
        OfficialTrainCommand cmd =
                new OfficialTrainCommand(
                        s.options(),
                        mode,
                        kimg,
                        classes != null,
                        s.model() == null ? null : s.augmentP());
        String header =
                "Written by StyleGAN2 for Fiji, Export for Official Training, "
                        + LocalDate.now()
                        + (s.model() == null
                                ? "; a new run"
                                : s.kimgDone() > 0
                                        ? String.format(
                                                Locale.ROOT,
                                                "; continues networks at %.1f kimg (the official"
                                                        + " count restarts at 0)",
                                                s.kimgDone())
                                        : "; continues the networks of model_file");
        List<Path> files =
                OfficialExport.write(
                        new OfficialExport.Request(out, data, classes, s.model(), cmd, header),
                        progress);
        StringBuilder m = new StringBuilder();
        m.append(
                String.format(
                        Locale.ROOT,
                        "Wrote %d images (%d px, %d channel(s)) and %d files to %s; run"
                                + " OFFICIAL=<checkout> GPUS=<n> %s on the cluster (--cfg=%s%s)",
                        data.size(),
                        data.resolution(),
                        data.channels(),
                        files.size(),
                        out,
                        out.resolve("train.sh"),
                        cmd.cfg(),
                        cmd.expressible()
                                ? ", the official flags alone"
                                : "; the flags cannot express "
                                        + String.join(", ", cmd.differences())
                                        + ": train_official.py sets them"));
        if (s.model() != null
                && !sameWithinOneLevel(s.model().intensity(), data.intensity(), data.channels())) {
            m.append(
                    "; warning: the data's intensity range differs from the one model_file was"
                            + " trained with (see dataset.json)");
        }
        return m.toString();
    }

    /**
     * True when two mappings differ by less than one 8-bit level ({@code 2 · scale / 255}) in every
     * channel: official models say offset 128 for 8-bit data where ours say 127.5, the same PNGs.
     */
    static boolean sameWithinOneLevel(IntensityMapping a, IntensityMapping b, int channels) {
        for (int c = 0; c < channels; c++) {
            double level = 2 * Math.abs(a.scale(c)) / 255;
            if (Math.abs(a.scale(c) - b.scale(c)) > level
                    || Math.abs(a.offset(c) - b.offset(c)) > level) {
                return false;
            }
        }
        return true;
    }

    /** The options from the keys for a new run, or around a model that is not a checkpoint. */
    public static TrainingOptions keyOptions(
            String config,
            TrainingData data,
            int batchSize,
            double snapshotKimg,
            boolean mirror,
            AugmentOptions augment) {
        TrainingConfig.parse(config);
        // The official trainer picks its own number formats (num_fp16_res); ours is not exported.
        return TrainingTask.options(
                config, data, 1, batchSize, snapshotKimg, mirror, augment, Precision.FP32);
    }
}
