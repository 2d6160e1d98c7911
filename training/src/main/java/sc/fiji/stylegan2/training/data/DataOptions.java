package sc.fiji.stylegan2.training.data;

/**
 * How source images become training data beyond the resolution: the intensity mapping and the
 * sampling.
 *
 * @param intensity which range maps to [-1, 1], per channel or shared
 * @param sampling whole images, tiles or object crops, and their scale
 */
public record DataOptions(IntensityOptions intensity, SamplingOptions sampling) {

    /** The defaults of every key. */
    public static final DataOptions DEFAULT =
            new DataOptions(IntensityOptions.DEFAULT, SamplingOptions.WHOLE);

    public DataOptions {
        if (intensity == null || sampling == null) {
            throw new IllegalArgumentException("intensity or sampling options are missing");
        }
    }
}
