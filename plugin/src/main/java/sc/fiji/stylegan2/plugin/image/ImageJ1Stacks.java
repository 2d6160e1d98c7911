package sc.fiji.stylegan2.plugin.image;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.util.Arrays;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Builds ImageJ 1.x stacks from image stacks in the layout of {@link LabeledFloatImg}: dims (W, H,
 * N) for one channel, (W, H, C, N) for several. The result is a 32-bit stack with one slice per
 * image and channel, channel-fastest, with the image's label on each of its slices. One channel
 * gives a plain stack of N slices; several give a hyperstack of C channels by N frames, shown as a
 * composite for 2..7 channels (RGB for 3). The display range spans the data. Works headless.
 */
public final class ImageJ1Stacks {

    /** CompositeImage shows at most this many channels with distinct colours. */
    private static final int MAX_COMPOSITE_CHANNELS = 7;

    private ImageJ1Stacks() {}

    /** Converts a {@link LabeledFloatImg}, using its labels. */
    public static ImagePlus toImagePlus(String title, LabeledFloatImg images) {
        ImagePlus imp = toImagePlus(title, images, images.labels());
        if (images.calibration() != null) {
            ij.measure.Calibration cal = imp.getCalibration().copy();
            cal.pixelWidth = images.calibration().pixelWidth();
            cal.pixelHeight = images.calibration().pixelHeight();
            cal.setUnit(images.calibration().unit());
            imp.setCalibration(cal);
        }
        return imp;
    }

    /**
     * Converts a stack of dims (W, H, N) or (W, H, C, N).
     *
     * @param labels one label per image (size N), or null for none
     * @throws IllegalArgumentException for other dimensionalities or a label count other than N
     */
    public static ImagePlus toImagePlus(
            String title,
            RandomAccessibleInterval<? extends RealType<?>> images,
            List<String> labels) {
        int nd = images.numDimensions();
        if (nd != 3 && nd != 4) {
            throw new IllegalArgumentException(
                    "expected dims (W, H, N) or (W, H, C, N), got " + nd + " dims");
        }
        int width = toInt(images.dimension(0));
        int height = toInt(images.dimension(1));
        int channels = nd == 3 ? 1 : toInt(images.dimension(2));
        int count = toInt(images.dimension(nd - 1));
        if (labels != null && labels.size() != count) {
            throw new IllegalArgumentException("need " + count + " labels, got " + labels.size());
        }
        ImageStack stack = new ImageStack(width, height);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < count; n++) {
            RandomAccessibleInterval<? extends RealType<?>> image =
                    Views.hyperSlice(images, nd - 1, n);
            for (int c = 0; c < channels; c++) {
                float[] pixels =
                        images instanceof LabeledFloatImg labeled
                                ? plane(labeled, n * channels + c, width * height)
                                : plane(
                                        nd == 3 ? image : Views.hyperSlice(image, 2, c),
                                        width * height);
                for (float v : pixels) {
                    if (Float.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                stack.addSlice(
                        labels == null ? null : labels.get(n),
                        new FloatProcessor(width, height, pixels));
            }
        }
        ImagePlus imp = toImagePlus(title, stack, channels);
        if (min <= max) {
            setDisplayRange(imp, min, max == min ? min + 1 : max);
        }
        return imp;
    }

    /**
     * An image of a channel-fastest stack of {@code channels} channels by N images: a plain stack
     * for one channel, else a hyperstack of C channels by N frames, a composite for 2..7 channels.
     */
    public static ImagePlus toImagePlus(String title, ImageStack stack, int channels) {
        ImagePlus imp = new ImagePlus(title, stack);
        if (channels > 1) {
            imp.setDimensions(channels, 1, stack.getSize() / channels);
            imp.setOpenAsHyperStack(true);
            if (channels <= MAX_COMPOSITE_CHANNELS) {
                imp = new CompositeImage(imp, IJ.COMPOSITE);
            }
        }
        return imp;
    }

    /**
     * The reverse view: an ImageJ 1.x image as a {@link LabeledFloatImg}, its C channels as
     * channels and its Z slices times T frames as the N images (ImageJ's stack order, channel
     * fastest), as 32-bit float. An RGB colour image gives 3 channels (red, green, blue). Each
     * image takes the label of its first channel's slice, or {@code slice=K} (1-based) when it has
     * none.
     */
    public static LabeledFloatImg toLabeledImg(ImagePlus imp) {
        ImageStack stack = imp.getStack();
        boolean rgb = imp.getType() == ImagePlus.COLOR_RGB;
        int width = imp.getWidth(), height = imp.getHeight(), plane = width * height;
        int stackChannels = imp.getNChannels();
        int channels = rgb ? 3 * stackChannels : stackChannels;
        int count = imp.getStackSize() / stackChannels;
        float[] data = new float[count * channels * plane];
        List<String> labels = new java.util.ArrayList<>(count);
        int at = 0;
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < stackChannels; c++) {
                ImageProcessor ip = stack.getProcessor(n * stackChannels + c + 1);
                for (int k = 0; k < (rgb ? 3 : 1); k++) {
                    FloatProcessor fp =
                            rgb
                                    ? ((ColorProcessor) ip).toFloat(k, null)
                                    : ip.convertToFloatProcessor();
                    System.arraycopy((float[]) fp.getPixels(), 0, data, at, plane);
                    at += plane;
                }
            }
            String label = stack.getSliceLabel(n * stackChannels + 1);
            labels.add(
                    label == null || label.isBlank()
                            ? "slice=" + (n + 1)
                            : label.split("\\R", 2)[0]);
        }
        return LabeledFloatImg.of(data, width, height, channels, labels);
    }

    /**
     * The pixels of plane {@code index} of a C-order NCHW image (channel fastest, as the stack
     * order), copied in one block rather than read pixel by pixel through a cursor.
     */
    private static float[] plane(LabeledFloatImg images, int index, int size) {
        return Arrays.copyOfRange(images.data(), index * size, (index + 1) * size);
    }

    private static float[] plane(RandomAccessibleInterval<? extends RealType<?>> plane, int size) {
        float[] pixels = new float[size];
        int i = 0;
        for (RealType<?> v : Views.flatIterable(plane)) {
            pixels[i++] = v.getRealFloat();
        }
        return pixels;
    }

    /** Sets the display range of every channel. */
    public static void setDisplayRange(ImagePlus imp, double min, double max) {
        if (imp instanceof CompositeImage composite) {
            for (int c = 1; c <= composite.getNChannels(); c++) {
                composite.setPositionWithoutUpdate(c, 1, 1);
                composite.setDisplayRange(min, max);
            }
            composite.setPositionWithoutUpdate(1, 1, 1);
        } else {
            imp.setDisplayRange(min, max);
        }
    }

    private static int toInt(long v) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dimension " + v + " is too large for ImageJ 1.x");
        }
        return (int) v;
    }
}
