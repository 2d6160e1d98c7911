package sc.fiji.stylegan2.training.data;

import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Training data with a class per image, for a conditional model: the images of another {@link
 * TrainingData}, one label each. Image {@code i} of the data is image {@code i} of the labels, so
 * the data must hold one sample per source image (whole images, not tiles or object crops).
 */
public final class ConditionalData implements TrainingData {

    private final TrainingData images;
    private final ImageClasses classes;

    /**
     * @throws IllegalArgumentException when the numbers of images and labels differ
     */
    public ConditionalData(TrainingData images, ImageClasses classes) {
        if (images.size() != classes.size()) {
            throw new IllegalArgumentException(
                    "conditions: "
                            + classes.size()
                            + " labels for "
                            + images.size()
                            + " images; give one label per image");
        }
        this.images = images;
        this.classes = classes;
    }

    @Override
    public ImageClasses classes() {
        return classes;
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public int channels() {
        return images.channels();
    }

    @Override
    public int resolution() {
        return images.resolution();
    }

    @Override
    public IntensityMapping intensity() {
        return images.intensity();
    }

    @Override
    public String description() {
        String d = images.description();
        return (d.isEmpty() ? "" : d + "; ") + classes.describe();
    }

    @Override
    public Calibration calibration() {
        return images.calibration();
    }

    @Override
    public void copyImage(int index, float[] dst, int offset) {
        images.copyImage(index, dst, offset);
    }

    @Override
    public void copySample(int index, long draw, float[] dst, int offset) {
        images.copySample(index, draw, dst, offset);
    }
}
