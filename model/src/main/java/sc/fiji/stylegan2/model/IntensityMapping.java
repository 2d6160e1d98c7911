package sc.fiji.stylegan2.model;

/**
 * The affine map from the generator's [-1, 1] output to the user's intensity units: {@code y = x * scale +
 * offset}. Official models were trained on 8-bit images mapped as {@code x = y / 127.5 - 1}, so their
 * mapping is scale 127.5, offset 128 (the official generate script's {@code x * 127.5 + 128}).
 */
public record IntensityMapping(double scale, double offset) {

    /** The mapping of NVlabs models trained on 8-bit images. */
    public static final IntensityMapping OFFICIAL_8BIT = new IntensityMapping(127.5, 128);

    /** The mapping that sends [-1, 1] to [min, max] of the training data. */
    public static IntensityMapping ofDataRange(double min, double max) {
        return new IntensityMapping((max - min) / 2, (max + min) / 2);
    }

    /**
     * Maps user intensities back to the generator's range in place: {@code x = (y - offset) / scale}. This is
     * how targets of the projector (and training images) are normalised.
     */
    public void invert(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((values[i] - offset) / scale);
        }
    }

    /** Applies the mapping in place. */
    public void apply(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] * scale + offset);
        }
    }
}
