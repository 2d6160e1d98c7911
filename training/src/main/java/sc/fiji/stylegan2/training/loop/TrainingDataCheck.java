package sc.fiji.stylegan2.training.loop;

import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Refuses data that cannot train, before anything is written: no images, a single image, a size
 * that does not match the options, or values that are not finite. Messages say what is wrong and
 * with which image.
 */
public final class TrainingDataCheck {

    private TrainingDataCheck() {}

    /**
     * @throws IllegalArgumentException describing the first problem
     */
    public static void validate(TrainingData data, TrainingOptions options) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("images: the stack has no images");
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException(
                    "images: the stack has one image; a GAN needs several (hundreds or"
                            + " more work best)");
        }
        if (data.resolution() != options.resolution() || data.channels() != options.imgChannels()) {
            throw new IllegalArgumentException(
                    "images: the data are "
                            + data.resolution()
                            + " px with "
                            + data.channels()
                            + " channel(s) but the model is "
                            + options.resolution()
                            + " px with "
                            + options.imgChannels()
                            + " channel(s)");
        }
        requireClasses(data, options);
        int per = data.channels() * data.resolution() * data.resolution();
        float[] image = new float[per];
        for (int i = 0; i < data.size(); i++) {
            data.copyImage(i, image, 0);
            for (float v : image) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(
                            "images: image "
                                    + (i + 1)
                                    + " of "
                                    + data.size()
                                    + " contains "
                                    + (Float.isNaN(v) ? "NaN" : "infinite")
                                    + " values; remove or repair it");
                }
            }
        }
    }

    /**
     * The data's classes fit the networks' {@code c_dim}: conditional data for a conditional model.
     */
    private static void requireClasses(TrainingData data, TrainingOptions options) {
        int cDim = options.generator().cDim();
        int classes = data.classes() == null ? 0 : data.classes().count();
        if (classes != cDim) {
            throw new IllegalArgumentException(
                    "conditions: the data have "
                            + (classes == 0 ? "no classes" : data.classes().describe())
                            + " but the model is "
                            + (cDim == 0
                                    ? "unconditional"
                                    : "conditional with " + cDim + " classes")
                            + (cDim == 0
                                    ? "; leave conditions empty"
                                    : "; give the conditions the model was trained with"));
        }
    }
}
