package sc.fiji.stylegan2.training.data;

/**
 * One input image before the training policy is applied: any size, any float range, channels first.
 *
 * @param name how messages name it (a file name, or {@code "slice 3"})
 * @param channels channels (1 grayscale, 3 RGB, ...)
 * @param height rows
 * @param width columns
 * @param pixels {@code channels * height * width} values, C-order CHW
 */
public record SourceImage(String name, int channels, int height, int width, float[] pixels) {

    public SourceImage {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    name
                            + ": channels, height and width must be >= 1, got "
                            + channels
                            + " x "
                            + height
                            + " x "
                            + width);
        }
        if (pixels.length != (long) channels * height * width) {
            throw new IllegalArgumentException(
                    name
                            + ": expected "
                            + (long) channels * height * width
                            + " values for "
                            + channels
                            + " x "
                            + height
                            + " x "
                            + width
                            + ", got "
                            + pixels.length);
        }
    }

    /** Size and channels as text, e.g. {@code 32 x 28 px, 1 channel}. */
    public String describeSize() {
        return width
                + " x "
                + height
                + " px, "
                + channels
                + (channels == 1 ? " channel" : " channels");
    }
}
