package sc.fiji.stylegan2.training.data;

import java.util.List;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Training images held in memory, prepared by a stated policy (issue 5, "Data"):
 *
 * <ol>
 *   <li>every image must be finite and have the size and channels of the first; at least two images;
 *   <li>the intensity range is the type's range for 8/16-bit sources, else min..max over the whole stack;
 *   <li>each image is made square ({@link SquarePolicy}: centre crop, or pad with the range minimum);
 *   <li>then resized to the power-of-two training resolution ({@link Resize}: area down, bilinear up);
 *   <li>and mapped to [-1, 1] by {@code x = (y - offset) / scale}, the inverse of the stored
 *       {@link IntensityMapping} {@code y = x * scale + offset} (for 8-bit: the official
 *       {@code x = y / 127.5 - 1}).
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

    /** Wraps already prepared images: {@code count x channels x resolution²} values in [-1, 1]. */
    public ImageStackData(float[] pixels, int count, int channels, int resolution, IntensityMapping intensity) {
        if (pixels.length != (long) count * channels * resolution * resolution) {
            throw new IllegalArgumentException("expected " + (long) count * channels * resolution * resolution
                    + " values, got " + pixels.length);
        }
        this.pixels = pixels;
        this.count = count;
        this.channels = channels;
        this.resolution = resolution;
        this.intensity = intensity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The resolution this project suggests for images of {@code side} pixels: the largest power of two not
     * above it (so images are shrunk, never invented), at least 4 and at most 1024.
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

        /** Prepares a stack read from a file or folder, with its own bit depth. */
        public ImageStackData build(SourceStack stack) {
            return optBitDepth(stack.bitDepth()).build(stack.images());
        }

        /**
         * Checks and prepares the images.
         *
         * @throws IllegalArgumentException with a message for the user: empty stack, one image, NaN or
         *     infinite values (naming the image), mismatched sizes, values outside the bit depth, constant data
         */
        public ImageStackData build(List<SourceImage> images) {
            if (resolution < 4 || resolution > 1024 || Integer.bitCount(resolution) != 1) {
                throw new IllegalArgumentException("resolution must be a power of two from 4 to 1024, got "
                        + resolution);
            }
            StackChecks.requireTrainable(images);
            StackChecks.requireFitsInOneArray(images.size(), images.get(0).channels(), resolution);
            double[] range = StackChecks.intensityRange(images, bitDepth);
            IntensityMapping mapping = IntensityMapping.ofDataRange(range[0], range[1]);
            SourceImage first = images.get(0);
            int c = first.channels(), side = square.side(first.height(), first.width());
            int n = c * resolution * resolution;
            float[] out = new float[images.size() * n];
            for (int i = 0; i < images.size(); i++) {
                float[] sq = square.apply(images.get(i), (float) range[0]);
                float[] r = Resize.planes(sq, c, side, side, resolution, resolution);
                for (int k = 0; k < n; k++) {
                    // x = (y − offset) / scale, the inverse of y = x·scale + offset.
                    out[i * n + k] = (float) ((r[k] - mapping.offset()) / mapping.scale());
                }
            }
            return new ImageStackData(out, images.size(), c, resolution, mapping);
        }
    }
}
