package sc.fiji.stylegan2.training.data;

import java.util.List;

/**
 * The checks an image stack must pass before training, with messages that tell the user what to
 * fix.
 */
final class StackChecks {

    private StackChecks() {}

    /** At least two finite images, all of the size and channels of the first. */
    static void requireTrainable(List<SourceImage> images) {
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException(
                    "the image stack is empty: need at least 2 images to train");
        }
        if (images.size() == 1) {
            throw new IllegalArgumentException(
                    "the image stack has a single image ("
                            + images.get(0).name()
                            + "): need at least 2 images to train");
        }
        requireConsistent(images);
    }

    /** At least one image; all finite and of the size and channels of the first. */
    static void requireConsistent(List<SourceImage> images) {
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException(
                    "the image stack is empty: need at least 1 image to cut samples" + " from");
        }
        SourceImage first = images.get(0);
        for (int i = 0; i < images.size(); i++) {
            SourceImage im = images.get(i);
            if (im.channels() != first.channels()
                    || im.height() != first.height()
                    || im.width() != first.width()) {
                throw new IllegalArgumentException(
                        "image "
                                + (i + 1)
                                + " ("
                                + im.name()
                                + ") is "
                                + im.describeSize()
                                + " but image 1 ("
                                + first.name()
                                + ") is "
                                + first.describeSize()
                                + ": all images must have the same size and channels");
            }
            requireFinite(im, i);
        }
    }

    /** The prepared stack is one Java array, so it holds at most 2³¹ − 1 values (8 GB). */
    static void requireFitsInOneArray(int count, int channels, int resolution) {
        long values = (long) count * channels * resolution * resolution;
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    count
                            + " images of "
                            + channels
                            + " x "
                            + resolution
                            + " x "
                            + resolution
                            + " are "
                            + values
                            + " values, more than one stack can hold ("
                            + (Integer.MAX_VALUE - 8)
                            + "): use fewer images or a lower resolution");
        }
    }

    private static void requireFinite(SourceImage im, int i) {
        float[] p = im.pixels();
        for (int k = 0; k < p.length; k++) {
            if (!Float.isFinite(p[k])) {
                int plane = im.height() * im.width();
                int c = k / plane, y = (k % plane) / im.width(), x = k % im.width();
                throw new IllegalArgumentException(
                        "image "
                                + (i + 1)
                                + " ("
                                + im.name()
                                + ") contains "
                                + (Float.isNaN(p[k]) ? "NaN" : "an infinite value")
                                + " at x="
                                + x
                                + ", y="
                                + y
                                + (im.channels() > 1 ? ", channel " + (c + 1) : "")
                                + ": replace non-finite pixels or remove the image");
            }
        }
    }

    /**
     * {@code {min, max}} mapped to [-1, 1]: the type's range (values outside it are an error) or
     * the data's.
     */
    static double[] intensityRange(List<SourceImage> images, BitDepth depth) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (SourceImage im : images) {
            for (float v : im.pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (depth.hasFixedRange()) {
            if (min < depth.min() || max > depth.max()) {
                throw new IllegalArgumentException(
                        "values "
                                + min
                                + ".."
                                + max
                                + " lie outside the "
                                + depth.name().toLowerCase().replace("bits_", "")
                                + "-bit range "
                                + (long) depth.min()
                                + ".."
                                + (long) depth.max());
            }
            return new double[] {depth.min(), depth.max()};
        }
        if (!(max > min)) {
            throw new IllegalArgumentException(
                    "every pixel of the stack has the value "
                            + min
                            + ": there is nothing to learn");
        }
        return new double[] {min, max};
    }
}
