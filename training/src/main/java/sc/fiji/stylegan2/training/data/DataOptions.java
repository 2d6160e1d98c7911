package sc.fiji.stylegan2.training.data;

/**
 * How source images become training data beyond the resolution: the intensity mapping.
 *
 * @param intensity which range maps to [-1, 1], per channel or shared
 */
public record DataOptions(IntensityOptions intensity) {

    /** The defaults of every key. */
    public static final DataOptions DEFAULT = new DataOptions(IntensityOptions.DEFAULT);

    public DataOptions {
        if (intensity == null) {
            throw new IllegalArgumentException("intensity options are missing");
        }
    }
}
