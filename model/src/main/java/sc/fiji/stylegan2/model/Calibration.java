package sc.fiji.stylegan2.model;

import java.util.Locale;

/**
 * The physical size of a generated image's pixel: the training data's pixel size times the data
 * pixels per training pixel (key {@code scale} of tiles and objects, or the shrink of whole
 * images). Stored in checkpoints trained on calibrated images.
 *
 * @param pixelWidth width of a pixel in {@code unit}, above 0
 * @param pixelHeight height of a pixel in {@code unit}, above 0
 * @param unit e.g. {@code µm}
 */
public record Calibration(double pixelWidth, double pixelHeight, String unit) {

    public Calibration {
        if (!(pixelWidth > 0)
                || !(pixelHeight > 0)
                || Double.isInfinite(pixelWidth)
                || Double.isInfinite(pixelHeight)
                || unit == null
                || unit.isBlank()) {
            throw new IllegalArgumentException(
                    "a calibration needs pixel sizes above 0 and a unit, got "
                            + pixelWidth
                            + " x "
                            + pixelHeight
                            + " "
                            + unit);
        }
    }

    /** This calibration with pixels {@code factor} times larger in both directions. */
    public Calibration times(double factor) {
        return new Calibration(pixelWidth * factor, pixelHeight * factor, unit);
    }

    /** E.g. {@code 0.13 x 0.13 µm per pixel}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "%.6g x %.6g %s per pixel", pixelWidth, pixelHeight, unit);
    }
}
