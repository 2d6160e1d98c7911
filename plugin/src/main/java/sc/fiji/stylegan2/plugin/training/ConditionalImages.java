package sc.fiji.stylegan2.plugin.training;

import ij.ImagePlus;
import ij.ImageStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.ClassLabelFiles;
import sc.fiji.stylegan2.training.data.ImageClasses;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;

/**
 * Training images with a condition (class) each, for the {@code conditions} key of Train StyleGAN2:
 *
 * <ul>
 *   <li>{@code folders}: {@code images} is a folder with one subfolder per condition, named for it
 *       (each read as {@link ImageFiles} reads a folder);
 *   <li>{@code slice_labels}: {@code images} is a stack whose slice labels name the conditions;
 *   <li>a {@code .csv} file of {@code file,label} rows: the files, relative to the {@code images}
 *       folder, each with its label (files not listed are left out);
 *   <li>an IDX label file ({@code ...idx1-ubyte[.gz]}, as Fashion-MNIST): one class number per
 *       image of {@code images}, in order.
 * </ul>
 *
 * Names are sorted to give the class indices (IDX classes keep their numbers). Errors are one line
 * naming {@code conditions} and what is wrong.
 *
 * @param stack the images
 * @param classes the class of each image
 */
public record ConditionalImages(SourceStack stack, ImageClasses classes) {

    /** The key of Train StyleGAN2 that chooses the labels. */
    public static final String KEY = "conditions";

    /** The values of {@code conditions} in words, for messages and the key's description. */
    public static final String CHOICES =
            "none, folders (one subfolder per condition), slice_labels (the stack's slice labels),"
                    + " a .csv file of file,label rows, or an IDX label file (one class number per"
                    + " image)";

    /** True when {@code conditions} asks for an unconditional model (empty or {@code none}). */
    public static boolean none(String conditions) {
        return conditions == null
                || conditions.isBlank()
                || conditions.strip().equalsIgnoreCase("none");
    }

    /**
     * Checks the value of {@code conditions} before any image is read.
     *
     * @throws IllegalArgumentException when it is none of {@link #CHOICES}, or names a missing file
     */
    public static void check(String conditions, Path images) {
        if (none(conditions)) {
            return;
        }
        String c = conditions.strip();
        if (c.equals("folders") || c.equals("slice_labels")) {
            boolean folder = Files.isDirectory(images);
            if (c.equals("folders") != folder) {
                throw new IllegalArgumentException(
                        KEY
                                + "="
                                + c
                                + " needs images to be "
                                + (folder
                                        ? "a stack file"
                                        : "a folder of one subfolder per condition")
                                + ", but "
                                + images
                                + " is "
                                + (folder ? "a folder" : "a file"));
            }
            return;
        }
        Path file = Path.of(c);
        if (!c.toLowerCase(Locale.ROOT).endsWith(".csv") && !isIdx(file)) {
            throw new IllegalArgumentException(KEY + " '" + c + "' is not valid: give " + CHOICES);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(KEY + ": " + file + " does not exist");
        }
        if (c.toLowerCase(Locale.ROOT).endsWith(".csv") && !Files.isDirectory(images)) {
            throw new IllegalArgumentException(
                    KEY
                            + ": a .csv of file,label rows needs images to be the folder of those files");
        }
    }

    /**
     * Reads the images and their classes.
     *
     * @throws IllegalArgumentException naming {@code conditions} or {@code images} and the problem
     */
    public static ConditionalImages read(Path images, String conditions) throws IOException {
        check(conditions, images);
        String c = conditions.strip();
        return switch (c) {
            case "folders" -> folders(images);
            case "slice_labels" -> sliceLabels(images);
            default ->
                    c.toLowerCase(Locale.ROOT).endsWith(".csv")
                            ? csv(images, Path.of(c))
                            : idx(images, Path.of(c));
        };
    }

    private static boolean isIdx(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.contains("idx1") || name.endsWith(".idx");
    }

    private static ConditionalImages folders(Path dir) throws IOException {
        List<Path> subfolders;
        try (Stream<Path> list = Files.list(dir)) {
            subfolders =
                    list.filter(Files::isDirectory)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList();
        }
        if (subfolders.isEmpty()) {
            throw new IllegalArgumentException(
                    KEY
                            + "=folders: "
                            + dir
                            + " has no subfolders; give a folder with one subfolder of images per"
                            + " condition");
        }
        List<SourceStack> parts = new ArrayList<>();
        List<String> perImage = new ArrayList<>();
        for (Path sub : subfolders) {
            SourceStack s;
            try {
                s = ImageFiles.read(sub);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        KEY + "=folders: " + sub.getFileName() + ": " + e.getMessage(), e);
            }
            parts.add(s);
            s.images().forEach(im -> perImage.add(sub.getFileName().toString()));
        }
        return new ConditionalImages(join(parts), ImageClasses.ofNames(perImage));
    }

    private static ConditionalImages sliceLabels(Path file) throws IOException {
        ImagePlus imp = ImageFiles.open(file);
        ImageStack stack = imp.getStack();
        List<String> perImage = new ArrayList<>();
        for (int t = 1; t <= imp.getNFrames(); t++) {
            for (int z = 1; z <= imp.getNSlices(); z++) {
                String label = stack.getSliceLabel(imp.getStackIndex(1, z, t));
                String first = label == null ? "" : label.lines().findFirst().orElse("").strip();
                if (first.isEmpty()) {
                    throw new IllegalArgumentException(
                            KEY
                                    + "=slice_labels: slice "
                                    + (perImage.size() + 1)
                                    + " of "
                                    + file.getFileName()
                                    + " has no label; label every slice with its condition");
                }
                perImage.add(first);
            }
        }
        return new ConditionalImages(ImageFiles.fromImagePlus(imp), ImageClasses.ofNames(perImage));
    }

    private static ConditionalImages csv(Path dir, Path csv) throws IOException {
        Map<String, String> labels = ClassLabelFiles.readCsv(csv);
        List<SourceStack> parts = new ArrayList<>();
        List<String> perImage = new ArrayList<>();
        for (Map.Entry<String, String> row : labels.entrySet()) {
            Path file = dir.resolve(row.getKey());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(
                        KEY
                                + ": "
                                + row.getKey()
                                + " (listed in "
                                + csv.getFileName()
                                + ") is not a file in "
                                + dir);
            }
            SourceStack s = ImageFiles.fromImagePlus(ImageFiles.open(file));
            parts.add(s);
            s.images().forEach(im -> perImage.add(row.getValue()));
        }
        return new ConditionalImages(join(parts), ImageClasses.ofNames(perImage));
    }

    private static ConditionalImages idx(Path images, Path idx) throws IOException {
        int[] labels = ClassLabelFiles.readIdx(idx);
        SourceStack stack = ImageFiles.read(images);
        if (labels.length != stack.images().size()) {
            throw new IllegalArgumentException(
                    KEY
                            + ": "
                            + idx.getFileName()
                            + " has "
                            + labels.length
                            + " labels for the "
                            + stack.images().size()
                            + " images of "
                            + images.getFileName()
                            + "; give one label per image");
        }
        return new ConditionalImages(stack, ImageClasses.ofIndices(labels));
    }

    /** The images of several reads as one stack: the bit depth and calibration they share. */
    private static SourceStack join(List<SourceStack> parts) {
        List<SourceImage> all = new ArrayList<>();
        BitDepth depth = null;
        Calibration calibration = parts.get(0).calibration();
        for (SourceStack s : parts) {
            all.addAll(s.images());
            depth = depth == null || depth == s.bitDepth() ? s.bitDepth() : BitDepth.FLOAT;
            calibration = Objects.equals(calibration, s.calibration()) ? calibration : null;
        }
        return new SourceStack(all, depth, calibration);
    }
}
