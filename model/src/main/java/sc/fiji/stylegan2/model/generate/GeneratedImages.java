package sc.fiji.stylegan2.model.generate;

import java.util.List;

/**
 * Images as one C-order {@code float[]} of shape {@code [count, channels, height, width]} (NCHW),
 * with a label per image (e.g. {@code seed=42}). In ImgLib2 terms this is an image of dims (W, H,
 * C, N) over the same array, with no copy.
 */
public record GeneratedImages(
        float[] data, int count, int channels, int height, int width, List<String> labels) {

    public GeneratedImages {
        if ((long) count * channels * height * width != data.length) {
            throw new IllegalArgumentException(
                    "data length does not match ["
                            + count
                            + ","
                            + channels
                            + ","
                            + height
                            + ","
                            + width
                            + "]");
        }
        if (labels.size() != count) {
            throw new IllegalArgumentException("need one label per image");
        }
        labels = List.copyOf(labels);
    }

    /** Values of image {@code n}, channel {@code c}, row-major {@code height * width}. */
    public float[] plane(int n, int c) {
        float[] out = new float[height * width];
        System.arraycopy(data, ((n * channels) + c) * height * width, out, 0, out.length);
        return out;
    }
}
