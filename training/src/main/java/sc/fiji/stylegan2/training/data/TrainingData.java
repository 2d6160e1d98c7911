package sc.fiji.stylegan2.training.data;

import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Training images, square, at the training resolution, already normalised to [-1, 1] (official
 * convention {@code x = y / 127.5 - 1} for 8-bit data; for other data the data range maps to [-1,
 * 1], see {@link #intensity()}).
 */
public interface TrainingData {

    /** Number of images. */
    int size();

    /** Channels per image (1 = grayscale). */
    int channels();

    /** Width = height, a power of two. */
    int resolution();

    /** How generated [-1, 1] values map back to the user's units (stored in checkpoints). */
    IntensityMapping intensity();

    /**
     * How the data was prepared (intensity range, sampling), one line for the log; empty if nothing
     * to say.
     */
    default String description() {
        return "";
    }

    /**
     * The pixel size of the training images (the source's times the shrink), or null when unknown.
     */
    default Calibration calibration() {
        return null;
    }

    /**
     * The class of each image for a conditional model ({@link ConditionalData}), or null for
     * unconditional data (the default).
     */
    default ImageClasses classes() {
        return null;
    }

    /**
     * Copies image {@code index} ({@code channels * resolution²} floats, CHW) into {@code dst} at
     * {@code offset}.
     */
    void copyImage(int index, float[] dst, int offset);

    /**
     * Copies the sample training draws for image {@code index}: the image itself (the default), or
     * for data cut from larger images a fresh crop chosen by {@code draw}, a key that depends only
     * on the run's seed and the draw's position in the stream, so that a resumed run draws what the
     * uninterrupted run would.
     */
    default void copySample(int index, long draw, float[] dst, int offset) {
        copyImage(index, dst, offset);
    }
}
