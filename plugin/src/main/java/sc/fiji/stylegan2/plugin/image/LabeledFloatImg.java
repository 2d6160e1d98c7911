package sc.fiji.stylegan2.plugin.image;

import java.util.List;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.plugin.command.GenerateImagesCommand;

/**
 * A stack of generated images as one ImgLib2 float image, with a text label per image (e.g. {@code
 * seed=3}).
 *
 * <p>This is the output type of {@link GenerateImagesCommand}. The contract hosts rely on:
 *
 * <ul>
 *   <li>the last axis is always the image index N (also when there is one image);
 *   <li>one channel: dims {@code (W, H, N)}; several channels: dims {@code (W, H, C, N)};
 *   <li>{@link #labels()} has exactly N entries, in the order of the N axis;
 *   <li>the pixels live in one C-order NCHW {@code float[]} ({@link #data()}), shared without
 *       copying with the model's {@link GeneratedImages}.
 * </ul>
 *
 * It is an ordinary {@link ArrayImg}, so any ImgLib2 or ImageJ2 host can display or process it;
 * hosts that know this class (the headless launcher, an ImageJ 1.x bridge) also read the labels and
 * the channel count. ImgLib2 images carry no axis metadata, which is why the channel count is kept
 * here rather than guessed.
 */
public final class LabeledFloatImg extends ArrayImg<FloatType, FloatArray> {

    private final int channels;
    private final List<String> labels;
    private final float[] data;
    private final Calibration calibration;

    private LabeledFloatImg(
            float[] data, long[] dims, int channels, List<String> labels, Calibration calibration) {
        super(new FloatArray(data), dims, new Fraction());
        setLinkedType(new FloatType(this));
        this.data = data;
        this.channels = channels;
        this.labels = List.copyOf(labels);
        this.calibration = calibration;
    }

    /**
     * Views generated images as an image of dims (W, H, N) or (W, H, C, N), without copying pixels.
     */
    public static LabeledFloatImg wrap(GeneratedImages images) {
        return of(
                images.data(), images.width(), images.height(), images.channels(), images.labels());
    }

    /**
     * Views a C-order NCHW array as an image of dims (W, H, N) for one channel or (W, H, C, N)
     * otherwise.
     *
     * @param labels one label per image; the image count N is its size
     * @throws IllegalArgumentException if the array length is not {@code N * channels * height *
     *     width}
     */
    public static LabeledFloatImg of(
            float[] data, int width, int height, int channels, List<String> labels) {
        int count = labels.size();
        if (width < 1 || height < 1 || channels < 1 || count < 1) {
            throw new IllegalArgumentException(
                    "need at least one image of at least 1x1 pixel and 1 channel");
        }
        if ((long) width * height * channels * count != data.length) {
            throw new IllegalArgumentException(
                    "data length "
                            + data.length
                            + " does not match "
                            + count
                            + " images x "
                            + channels
                            + " channels x "
                            + height
                            + " x "
                            + width);
        }
        long[] dims =
                channels == 1
                        ? new long[] {width, height, count}
                        : new long[] {width, height, channels, count};
        return new LabeledFloatImg(data, dims, channels, labels, null);
    }

    /** The same images (pixels shared) with the pixel size {@code calibration} (null: unknown). */
    public LabeledFloatImg withCalibration(Calibration calibration) {
        long[] dims = new long[numDimensions()];
        dimensions(dims);
        return new LabeledFloatImg(data, dims, channels, labels, calibration);
    }

    /**
     * The pixel size of the images (from a model trained on calibrated data), or null when unknown.
     */
    public Calibration calibration() {
        return calibration;
    }

    /** Number of channels C (1 means the image has no channel axis). */
    public int channels() {
        return channels;
    }

    /** Number of images N, the size of the last axis. */
    public int imageCount() {
        return labels.size();
    }

    /** One label per image, in the order of the last axis. */
    public List<String> labels() {
        return labels;
    }

    /** The backing C-order NCHW array (not a copy). */
    public float[] data() {
        return data;
    }
}
