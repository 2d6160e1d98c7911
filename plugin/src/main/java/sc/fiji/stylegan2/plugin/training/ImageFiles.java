package sc.fiji.stylegan2.plugin.training;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;

/**
 * Reads training images with ImageJ 1.x ({@link #open}: quietly, the format checked first), so the
 * training library stays free of ImageJ: an image or stack file (TIFF, including ImageJ
 * hyperstacks, PNG, JPEG), a folder of such files (sorted by name; other files are skipped), or an
 * open {@link ImagePlus}. Every Z slice and time frame is one training image; hyperstack channels
 * and the three channels of RGB images become image channels. The bit depth (8, 16, RGB = 8, 32 =
 * float) goes with the pixels so the intensity range can follow it.
 */
public final class ImageFiles {

    /** The ImageJ 1.x file types read as images. */
    private static final Set<Integer> IMAGE_TYPES =
            Set.of(
                    Opener.TIFF,
                    Opener.TIFF_AND_DICOM,
                    Opener.DICOM,
                    Opener.FITS,
                    Opener.PGM,
                    Opener.JPEG,
                    Opener.GIF,
                    Opener.BMP,
                    Opener.PNG);

    private static final String FORMATS = "a TIFF, PNG or JPEG image";

    /** File name endings read from folders. */
    public static final List<String> EXTENSIONS = List.of(".tif", ".tiff", ".png", ".jpg", ".jpeg");

    private ImageFiles() {}

    /** Reads a stack file or a folder of images. */
    public static SourceStack read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path + " does not exist");
        }
        return Files.isDirectory(path) ? readFolder(path) : fromImagePlus(open(path));
    }

    private static SourceStack readFolder(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> Files.isRegularFile(p) && isImageName(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(
                    "the folder holds no images ("
                            + String.join(", ", EXTENSIONS)
                            + "); give a folder"
                            + " of images or a TIFF stack");
        }
        List<SourceImage> images = new ArrayList<>();
        BitDepth depth = null;
        Calibration calibration = null;
        for (int i = 0; i < files.size(); i++) {
            SourceStack s = fromImagePlus(open(files.get(i)));
            images.addAll(s.images());
            // Mixed bit depths fall back to the data range; the calibration is kept when all files
            // share it.
            depth = depth == null || depth == s.bitDepth() ? s.bitDepth() : BitDepth.FLOAT;
            calibration =
                    i == 0 || java.util.Objects.equals(calibration, s.calibration())
                            ? s.calibration()
                            : null;
        }
        return new SourceStack(images, depth, calibration);
    }

    private static boolean isImageName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Opens one image file with ImageJ 1.x, quietly: the format is checked from the file's first
     * bytes before ImageJ reads it, so ImageJ prints nothing of its own ("Unsupported format or
     * file not found") and a text file is never read as a text image.
     *
     * @throws IOException naming the file, why it is not an image, and what to give instead
     */
    public static ImagePlus open(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(name + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(name + " cannot be read (permissions?)");
        }
        Opener opener = new Opener();
        opener.setSilentMode(true);
        int type = opener.getFileType(file.toString());
        if (!IMAGE_TYPES.contains(type)) {
            throw new IOException(
                    name
                            + ": ImageJ cannot open it as an image ("
                            + describe(type)
                            + "); give "
                            + FORMATS);
        }
        ImagePlus imp = quietly(() -> opener.openImage(file.toString()));
        if (imp == null || imp.getWidth() == 0 || imp.getHeight() == 0 || imp.getStackSize() == 0) {
            throw new IOException(
                    name
                            + ": ImageJ cannot open it as an image (damaged or empty); give "
                            + FORMATS);
        }
        return imp;
    }

    /**
     * Runs an ImageJ 1.x read without ImageJ's own messages. Without an ImageJ window, {@code
     * IJ.log} and {@code IJ.error} print to {@code System.out} (a damaged PNG prints the decoder's
     * exception there), so {@code System.out} and {@code System.err} are swapped for a sink while
     * the read runs (streams that callers hold, like the launcher's, are not affected). The caller
     * reports the failure in its own words.
     */
    private static synchronized ImagePlus quietly(Supplier<ImagePlus> read) {
        if (IJ.getInstance() != null) {
            return read.get();
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(sink);
        System.setErr(sink);
        try {
            return read.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String describe(int fileType) {
        return switch (fileType) {
            case Opener.TEXT, Opener.JAVA_OR_TEXT, Opener.TABLE -> "it is a text file";
            case Opener.UNKNOWN -> "not a format ImageJ reads";
            default -> "not an image file";
        };
    }

    /**
     * The images of an ImageJ image: one per (Z, T) position, with the hyperstack's channels (RGB:
     * 3). Images are named by title, and by slice or frame when there are several.
     */
    public static SourceStack fromImagePlus(ImagePlus imp) {
        boolean rgb = imp.getBitDepth() == 24;
        int nc = imp.getNChannels(), nz = imp.getNSlices(), nt = imp.getNFrames();
        int w = imp.getWidth(), h = imp.getHeight(), plane = w * h;
        int channels = rgb ? 3 * nc : nc;
        ImageStack stack = imp.getStack();
        List<SourceImage> images = new ArrayList<>(nz * nt);
        for (int t = 1; t <= nt; t++) {
            for (int z = 1; z <= nz; z++) {
                float[] pixels = new float[channels * plane];
                for (int c = 1; c <= nc; c++) {
                    ImageProcessor ip = stack.getProcessor(imp.getStackIndex(c, z, t));
                    copyPlanes(ip, rgb, pixels, (rgb ? 3 * (c - 1) : c - 1) * plane);
                }
                images.add(
                        new SourceImage(
                                name(imp.getTitle(), z, nz, t, nt), channels, h, w, pixels));
            }
        }
        return new SourceStack(
                images, BitDepth.ofBitsPerPixel(imp.getBitDepth()), calibration(imp));
    }

    /** The image's pixel size, or null when it is uncalibrated (ImageJ's 1 pixel). */
    static Calibration calibration(ImagePlus imp) {
        ij.measure.Calibration c = imp.getCalibration();
        if (c == null || !c.scaled() || !(c.pixelWidth > 0) || !(c.pixelHeight > 0)) {
            return null;
        }
        return new Calibration(c.pixelWidth, c.pixelHeight, c.getUnit());
    }

    private static void copyPlanes(ImageProcessor ip, boolean rgb, float[] dst, int offset) {
        int plane = ip.getWidth() * ip.getHeight();
        if (rgb) {
            int[] argb = (int[]) ((ColorProcessor) ip).getPixels();
            for (int k = 0; k < plane; k++) {
                dst[offset + k] = (argb[k] >> 16) & 0xff;
                dst[offset + plane + k] = (argb[k] >> 8) & 0xff;
                dst[offset + 2 * plane + k] = argb[k] & 0xff;
            }
            return;
        }
        for (int k = 0; k < plane; k++) {
            dst[offset + k] = ip.getf(k); // raw values (8/16-bit unsigned, float), no calibration
        }
    }

    private static String name(String title, int z, int nz, int t, int nt) {
        String s = title;
        if (nz > 1) {
            s += " slice " + z;
        }
        if (nt > 1) {
            s += " frame " + t;
        }
        return s;
    }
}
