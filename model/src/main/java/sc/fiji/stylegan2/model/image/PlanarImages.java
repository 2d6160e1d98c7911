package sc.fiji.stylegan2.model.image;

import java.util.List;

/**
 * Images as one C-order {@code float[]} of shape {@code [count, channels, height, width]} (NCHW),
 * with a label per image (e.g. {@code slice=3}): what hosts hand to the model library (targets,
 * training images) before {@link ImagePreprocessing}.
 */
public record PlanarImages(
        float[] data, int count, int channels, int height, int width, List<String> labels) {

    public PlanarImages {
        if ((long) count * channels * height * width != data.length) {
            throw new IllegalArgumentException(
                    "data length "
                            + data.length
                            + " does not match ["
                            + count
                            + ", "
                            + channels
                            + ", "
                            + height
                            + ", "
                            + width
                            + "]");
        }
        if (labels.size() != count) {
            throw new IllegalArgumentException(
                    "need one label per image, got " + labels.size() + " for " + count);
        }
        labels = List.copyOf(labels);
    }

    /** Values per image ({@code channels * height * width}). */
    public int imageSize() {
        return channels * height * width;
    }

    /** Images {@code [from, to)} (copies the values). */
    public PlanarImages slice(int from, int to) {
        float[] d = java.util.Arrays.copyOfRange(data, from * imageSize(), to * imageSize());
        return new PlanarImages(d, to - from, channels, height, width, labels.subList(from, to));
    }

    /** These images followed by {@code more} (same channels and size; copies the values). */
    public PlanarImages concat(PlanarImages more) {
        if (more.channels != channels || more.height != height || more.width != width) {
            throw new IllegalArgumentException("images of another shape cannot follow these");
        }
        float[] d = java.util.Arrays.copyOf(data, data.length + more.data.length);
        System.arraycopy(more.data, 0, d, data.length, more.data.length);
        List<String> all = new java.util.ArrayList<>(labels);
        all.addAll(more.labels);
        return new PlanarImages(d, count + more.count, channels, height, width, all);
    }
}
