package sc.fiji.stylegan2.plugin.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.plugin.training.ImageFiles;

/**
 * Reads projection targets into the model library's NCHW layout: an image file opened with ImageJ
 * 1.x ({@link ImageFiles#open}: TIFF, PNG, …; every slice and frame is one image, channels as
 * ImageJ counts them, RGB as 3 channels), or an ImgLib2 image (the open image in Fiji) in the
 * layout of {@link LabeledFloatImg}. Values are the raw pixel values; the model library crops,
 * resizes and normalises them.
 */
public final class TargetImages {

    /**
     * Target images and the size of their pixels.
     *
     * @param calibration the pixel size of the source, or null when it has none
     */
    public record Targets(PlanarImages images, Calibration calibration) {}

    private TargetImages() {}

    /**
     * Opens an image file.
     *
     * @param key the parameter key for messages, e.g. {@code target}
     * @throws IllegalArgumentException naming the key when the file is missing or not an image
     *     ImageJ reads
     */
    public static Targets read(String key, File file) {
        if (file == null || file.getPath().isBlank()) {
            throw new IllegalArgumentException(
                    key
                            + " is not set: give an image file (TIFF, PNG, ...)"
                            + " or, in Fiji, open the image first");
        }
        if (Files.isDirectory(file.toPath())) {
            throw new IllegalArgumentException(
                    key + " '" + file + "' is a folder: give an image file (TIFF, PNG, ...)");
        }
        if (!Files.isRegularFile(file.toPath())) {
            throw new IllegalArgumentException(key + " '" + file + "' does not exist");
        }
        try {
            ImagePlus imp = ImageFiles.open(file.toPath());
            return new Targets(fromImagePlus(imp, file.getName()), calibration(imp));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    key + ": " + e.getMessage(), e); // the message names the file
        }
    }

    /** Every slice and frame of an ImageJ 1.x image, labelled by its slice label or position. */
    public static PlanarImages fromImagePlus(ImagePlus imp, String name) {
        boolean rgb = imp.getType() == ImagePlus.COLOR_RGB;
        int channels = rgb ? 3 : imp.getNChannels();
        int count = imp.getNSlices() * imp.getNFrames();
        int w = imp.getWidth(), h = imp.getHeight();
        ImageStack stack = imp.getStack();
        float[] data = new float[count * channels * w * h];
        List<String> labels = new ArrayList<>();
        int n = 0;
        for (int t = 1; t <= imp.getNFrames(); t++) {
            for (int z = 1; z <= imp.getNSlices(); z++) {
                for (int c = 0; c < channels; c++) {
                    int index = imp.getStackIndex(rgb ? 1 : c + 1, z, t);
                    ImageProcessor ip = stack.getProcessor(index);
                    float[] plane =
                            rgb
                                    ? rgbChannel((ColorProcessor) ip, c)
                                    : (float[]) ip.convertToFloatProcessor().getPixels();
                    System.arraycopy(plane, 0, data, (n * channels + c) * w * h, w * h);
                }
                String label = stack.getShortSliceLabel(imp.getStackIndex(1, z, t));
                labels.add(
                        count == 1
                                ? name
                                : label != null && !label.isBlank() ? label : "slice=" + (n + 1));
                n++;
            }
        }
        return new PlanarImages(data, count, channels, h, w, labels);
    }

    /** The pixel size of an ImageJ 1.x image, or null when it is not calibrated. */
    public static Calibration calibration(ImagePlus imp) {
        ij.measure.Calibration c = imp.getCalibration();
        boolean sized =
                c.scaled()
                        && c.pixelWidth > 0
                        && c.pixelHeight > 0
                        && Double.isFinite(c.pixelWidth)
                        && Double.isFinite(c.pixelHeight);
        return sized ? new Calibration(c.pixelWidth, c.pixelHeight, c.getUnit()) : null;
    }

    /**
     * The pixel size of an ImgLib2 image: a {@link LabeledFloatImg}'s own; null for other images
     * (ImgLib2 images carry no calibration without ImageJ's ImgPlus, which this plugin does not
     * depend on).
     */
    public static Calibration calibration(RandomAccessibleInterval<?> img) {
        return img instanceof LabeledFloatImg labeled ? labeled.calibration() : null;
    }

    private static float[] rgbChannel(ColorProcessor cp, int channel) {
        byte[] bytes = (byte[]) cp.getChannel(channel + 1, null).getPixels();
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xff;
        }
        return out;
    }

    /**
     * An ImgLib2 image as targets: a {@link LabeledFloatImg} by its own channel count and labels;
     * otherwise dims (W, H) are one image, (W, H, C) one image of C channels when C is the model's
     * channel count and greater than 1, else (W, H, N) N one-channel images, and (W, H, C, N) N
     * images of C channels.
     *
     * @throws IllegalArgumentException naming the key for other dimensionalities
     */
    public static PlanarImages fromImg(
            String key, RandomAccessibleInterval<? extends RealType<?>> img, int modelChannels) {
        int nd = img.numDimensions();
        if (nd < 2 || nd > 4) {
            throw new IllegalArgumentException(
                    key + " has " + nd + " dimensions; give (W, H), (W, H, N) or (W, H, C, N)");
        }
        int w = (int) img.dimension(0), h = (int) img.dimension(1);
        int channels;
        if (img instanceof LabeledFloatImg labeled) {
            channels = labeled.channels();
        } else if (nd == 4) {
            channels = (int) img.dimension(2);
        } else {
            channels =
                    nd == 3 && modelChannels > 1 && img.dimension(2) == modelChannels
                            ? modelChannels
                            : 1;
        }
        int count = (int) (img.size() / ((long) w * h * channels));
        float[] data = new float[(int) img.size()];
        int i = 0;
        // Flat iteration runs x fastest, then y, then the remaining axes: C-order NCHW for these
        // layouts.
        for (RealType<?> v : Views.flatIterable(img)) {
            data[i++] = v.getRealFloat();
        }
        List<String> labels = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            labels.add(
                    img instanceof LabeledFloatImg labeled
                            ? labeled.labels().get(n)
                            : "slice=" + (n + 1));
        }
        return new PlanarImages(data, count, channels, h, w, labels);
    }
}
