package sc.fiji.stylegan2.plugin.testutil;

import java.util.Arrays;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;

/** Parts of a command's output to compare: one image of a stack, one tile of a grid. */
public final class ImageParts {

    private ImageParts() {}

    /** Image {@code n} of the stack (all its channels), as the flat C-order array of that image. */
    public static float[] image(LabeledFloatImg stack, int n) {
        int size = (int) (stack.dimension(0) * stack.dimension(1)) * stack.channels();
        return Arrays.copyOfRange(stack.data(), n * size, (n + 1) * size);
    }

    /**
     * The {@code size} x {@code size} tile at {@code row}, {@code column} of a one-channel grid.
     */
    public static float[] tile(LabeledFloatImg grid, int row, int column, int size) {
        int width = (int) grid.dimension(0);
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(
                    grid.data(), (row * size + y) * width + column * size, out, y * size, size);
        }
        return out;
    }
}
