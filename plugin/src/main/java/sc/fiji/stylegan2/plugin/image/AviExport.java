package sc.fiji.stylegan2.plugin.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.filter.AVI_Writer;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.io.AtomicFile;

/**
 * Writes a stack of generated images as an AVI movie with ImageJ 1.x's own {@link AVI_Writer}
 * (uncompressed frames): one channel as 8-bit grey, three as RGB. Every frame is mapped to 0..255
 * with the same {@code low..high}, so an intensity change between frames is a real one. The file is
 * replaced atomically ({@link AtomicFile}): the writer fills a temporary file, then it is copied
 * into place.
 */
public final class AviExport {

    private AviExport() {}

    /**
     * @param low the value shown black in every frame
     * @param high the value shown white in every frame
     * @param fps frames per second of the movie
     * @throws IllegalArgumentException for images with other than 1 or 3 channels
     */
    public static void write(Path file, LabeledFloatImg images, double low, double high, double fps)
            throws IOException {
        int c = images.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException(
                    "avi_file: an AVI holds grey (1 channel) or RGB (3 channels) frames, these"
                            + " images have "
                            + c
                            + " channels; leave avi_file empty");
        }
        int w = (int) images.dimension(0), h = (int) images.dimension(1);
        ImageStack stack = new ImageStack(w, h);
        float[] data = images.data();
        for (int n = 0; n < images.imageCount(); n++) {
            stack.addSlice(images.labels().get(n), frame(data, n, c, w, h, low, high));
        }
        ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
        imp.getCalibration().fps = fps;
        Path tmp = Files.createTempFile("stylegan2-", ".avi");
        try {
            new AVI_Writer().writeImage(imp, tmp.toString(), AVI_Writer.NO_COMPRESSION, 0);
            AtomicFile.write(file, out -> Files.copy(tmp, out));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ImageProcessor frame(
            float[] data, int n, int c, int w, int h, double low, double high) {
        int plane = w * h;
        int base = n * c * plane;
        if (c == 1) {
            byte[] px = new byte[plane];
            for (int i = 0; i < plane; i++) {
                px[i] = (byte) level(data[base + i], low, high);
            }
            return new ByteProcessor(w, h, px);
        }
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] =
                    level(data[base + i], low, high) << 16
                            | level(data[base + plane + i], low, high) << 8
                            | level(data[base + 2 * plane + i], low, high);
        }
        return new ColorProcessor(w, h, rgb);
    }

    /** {@code round(255 (v - low) / (high - low))}, clamped to 0..255. */
    private static int level(float v, double low, double high) {
        long l = Math.round(255 * (v - low) / (high - low));
        return (int) Math.max(0, Math.min(255, l));
    }
}
