package sc.fiji.stylegan2.plugin.data;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;

/**
 * Reads training images with ImageJ 1.x ({@link IJ#openImage}), so the training library stays free of
 * ImageJ: an image or stack file (TIFF, including ImageJ hyperstacks, PNG, JPEG), a folder of such files
 * (sorted by name; other files are skipped), or an open {@link ImagePlus}. Every Z slice and time frame is
 * one training image; hyperstack channels and the three channels of RGB images become image channels. The
 * bit depth (8, 16, RGB = 8, 32 = float) goes with the pixels so the intensity range can follow it.
 */
public final class ImageFiles {

    /** File name endings read from folders. */
    public static final List<String> EXTENSIONS = List.of(".tif", ".tiff", ".png", ".jpg", ".jpeg");

    private ImageFiles() {}

    /** Reads a stack file or a folder of images. */
    public static SourceStack read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException("images " + path + " do not exist");
        }
        return Files.isDirectory(path) ? readFolder(path) : fromImagePlus(open(path));
    }

    private static SourceStack readFolder(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> Files.isRegularFile(p) && isImageName(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("folder " + dir + " holds no images (" + String.join(", ", EXTENSIONS) + ")");
        }
        List<SourceImage> images = new ArrayList<>();
        BitDepth depth = null;
        for (Path f : files) {
            SourceStack s = fromImagePlus(open(f));
            images.addAll(s.images());
            // Mixed bit depths fall back to the data range.
            depth = depth == null || depth == s.bitDepth() ? s.bitDepth() : BitDepth.FLOAT;
        }
        return new SourceStack(images, depth);
    }

    private static boolean isImageName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static ImagePlus open(Path file) throws IOException {
        ImagePlus imp = IJ.openImage(file.toString());
        if (imp == null) {
            throw new IOException("ImageJ cannot open " + file + " as an image");
        }
        return imp;
    }

    /**
     * The images of an ImageJ image: one per (Z, T) position, with the hyperstack's channels (RGB: 3).
     * Images are named by title, and by slice or frame when there are several.
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
                images.add(new SourceImage(name(imp.getTitle(), z, nz, t, nt), channels, h, w, pixels));
            }
        }
        return new SourceStack(images, BitDepth.ofBitsPerPixel(imp.getBitDepth()));
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
