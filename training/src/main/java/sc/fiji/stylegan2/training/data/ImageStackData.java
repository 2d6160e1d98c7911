package sc.fiji.stylegan2.training.data;

import java.util.List;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Training images held in memory, prepared by a stated policy (issue 5, "Data"):
 *
 * <ol>
 *   <li>every image must be finite and have the size and channels of the first; at least two
 *       images;
 *   <li>the intensity range is chosen by {@link IntensityOptions} ({@link IntensityRanges}): by
 *       default the type's range for 8-bit sources, percentiles for 16-bit sources that use less
 *       than a quarter of their range, else the type's range, min..max for float sources; per
 *       channel for multi-channel data;
 *   <li>each image is mapped to [-1, 1] by {@code x = (y - offset) / scale} (clipped to [-1, 1]),
 *       the inverse of the stored {@link IntensityMapping} {@code y = x * scale + offset} (for
 *       8-bit: the official {@code x = y / 127.5 - 1});
 *   <li>made square ({@link SquarePolicy}: centre crop, or pad with the range minimum, -1);
 *   <li>then resized to the power-of-two training resolution ({@link Resize}: area down, bilinear
 *       up).
 * </ol>
 *
 * Build with {@link #builder()}.
 */
public final class ImageStackData implements TrainingData {

    private final float[] pixels;
    private final int count;
    private final int channels;
    private final int resolution;
    private final IntensityMapping intensity;
    private final String description;
    private final Calibration calibration;

    /** Wraps already prepared images: {@code count x channels x resolution²} values in [-1, 1]. */
    public ImageStackData(
            float[] pixels, int count, int channels, int resolution, IntensityMapping intensity) {
        if (pixels.length != (long) count * channels * resolution * resolution) {
            throw new IllegalArgumentException(
                    "expected "
                            + (long) count * channels * resolution * resolution
                            + " values, got "
                            + pixels.length);
        }
        this.pixels = pixels;
        this.count = count;
        this.channels = channels;
        this.resolution = resolution;
        this.intensity = intensity;
        this.description = "";
        this.calibration = null;
    }

    private ImageStackData(ImageStackData d, String description, Calibration calibration) {
        this.pixels = d.pixels;
        this.count = d.count;
        this.channels = d.channels;
        this.resolution = d.resolution;
        this.intensity = d.intensity;
        this.description = description;
        this.calibration = calibration;
    }

    /** The same data, described by {@code description} (how it was prepared, for the log). */
    public ImageStackData describedAs(String description) {
        return new ImageStackData(this, description, calibration);
    }

    /** The same data with the pixel size {@code calibration} (null: unknown). */
    public ImageStackData withCalibration(Calibration calibration) {
        return new ImageStackData(this, description, calibration);
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    /** How the data was prepared (intensity range, clipping), or empty. */
    @Override
    public String description() {
        return description;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The resolution this project suggests for images of {@code side} pixels: the largest power of
     * two not above it (so images are shrunk, never invented), at least 4 and at most 1024.
     */
    public static int suggestedResolution(int side) {
        return Math.max(4, Math.min(1024, Integer.highestOneBit(Math.max(1, side))));
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public IntensityMapping intensity() {
        return intensity;
    }

    @Override
    public void copyImage(int index, float[] dst, int offset) {
        int n = channels * resolution * resolution;
        System.arraycopy(pixels, index * n, dst, offset, n);
    }

    /** A new stack of the images at {@code indices} (same resolution and intensity mapping). */
    public ImageStackData subset(int[] indices) {
        int n = channels * resolution * resolution;
        float[] out = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            copyImage(indices[i], out, i * n);
        }
        return new ImageStackData(out, indices.length, channels, resolution, intensity);
    }

    /** Options of the preparation policy: {@code set...} required, {@code opt...} with defaults. */
    public static final class Builder {
        private int resolution = -1;
        private SquarePolicy square = SquarePolicy.CENTER_CROP;
        private BitDepth bitDepth = BitDepth.FLOAT;
        private IntensityOptions intensity = IntensityOptions.DEFAULT;

        /** The training resolution, a power of two from 4 to 1024. */
        public Builder setResolution(int resolution) {
            this.resolution = resolution;
            return this;
        }

        /** Crop (default) or pad non-square images. */
        public Builder optSquarePolicy(SquarePolicy square) {
            this.square = square;
            return this;
        }

        /** The source's pixel type; {@link BitDepth#FLOAT} (default) uses the data's min..max. */
        public Builder optBitDepth(BitDepth bitDepth) {
            this.bitDepth = bitDepth;
            return this;
        }

        /** How intensities map to [-1, 1] (default {@link IntensityOptions#DEFAULT}). */
        public Builder optIntensity(IntensityOptions intensity) {
            this.intensity = intensity;
            return this;
        }

        /** Prepares a stack read from a file or folder, with its own bit depth. */
        public ImageStackData build(SourceStack stack) {
            ImageStackData d = optBitDepth(stack.bitDepth()).build(stack.images());
            SourceImage first = stack.images().get(0);
            // Each training pixel covers side / resolution source pixels.
            return stack.calibration() == null
                    ? d
                    : d.withCalibration(
                            stack.calibration()
                                    .times(
                                            (double) square.side(first.height(), first.width())
                                                    / resolution));
        }

        /**
         * Checks and prepares the images.
         *
         * @throws IllegalArgumentException with a message for the user: empty stack, one image, NaN
         *     or infinite values (naming the image), mismatched sizes, values outside the bit
         *     depth, constant data
         */
        public ImageStackData build(List<SourceImage> images) {
            if (resolution < 4 || resolution > 1024 || Integer.bitCount(resolution) != 1) {
                throw new IllegalArgumentException(
                        "resolution must be a power of two from 4 to 1024, got " + resolution);
            }
            StackChecks.requireTrainable(images);
            StackChecks.requireFitsInOneArray(images.size(), images.get(0).channels(), resolution);
            IntensityRanges.Choice choice = IntensityRanges.choose(images, bitDepth, intensity);
            SourceImage first = images.get(0);
            int c = first.channels(), side = square.side(first.height(), first.width());
            int n = c * resolution * resolution;
            float[] out = new float[images.size() * n];
            for (int i = 0; i < images.size(); i++) {
                float[] sq =
                        square.apply(
                                IntensityRanges.normalise(images.get(i), choice.mapping()), -1f);
                System.arraycopy(
                        Resize.planes(sq, c, side, side, resolution, resolution), 0, out, i * n, n);
            }
            String what =
                    String.format(
                            java.util.Locale.ROOT,
                            "sampling whole: %d images of %d x %d px, %s to"
                                    + " %d px squares resized to %d px (the data set size: %d)",
                            images.size(),
                            first.width(),
                            first.height(),
                            square == SquarePolicy.PAD ? "padded" : "centre-cropped",
                            side,
                            resolution,
                            images.size());
            return new ImageStackData(out, images.size(), c, resolution, choice.mapping())
                    .describedAs(choice.description() + "; " + what);
        }
    }
}
