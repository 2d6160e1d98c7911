package sc.fiji.stylegan2.model.checkpoint;

import java.util.Arrays;

/**
 * A named tensor's values outside any engine: a C-order (row-major) {@code float[]} with its shape.
 * This is what checkpoint readers produce and writers consume, so that reading a file never needs
 * native memory.
 *
 * @param shape the dimensions, outermost first; an empty array is a scalar
 * @param data the values in C order; {@code data.length} equals the product of {@code shape}
 */
public record TensorData(long[] shape, float[] data) {

    public TensorData {
        long n = numel(shape);
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "tensor of shape "
                            + Arrays.toString(shape)
                            + " needs "
                            + n
                            + " values, got "
                            + data.length);
        }
    }

    /** Number of elements of a tensor of this shape (1 for a scalar). */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as text, e.g. {@code [512, 512, 3, 3]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t
                && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TensorData" + shapeString();
    }
}
