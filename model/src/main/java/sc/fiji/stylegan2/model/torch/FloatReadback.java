package sc.fiji.stylegan2.model.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Copies a float32 tensor's values into part of a Java array in one pass. {@link
 * NDArray#toFloatArray()} copies into a new array, which generation then copied again into the
 * array of all images; this reads libtorch's memory through a direct buffer (no copy for a
 * contiguous CPU tensor) straight into the destination.
 */
public final class FloatReadback {

    private FloatReadback() {}

    /**
     * Copies all values of {@code array} (C order) into {@code dest} from {@code offset} on.
     *
     * @return the number of values copied
     * @throws IllegalArgumentException if the array is not float32 or does not fit
     */
    public static int into(NDArray array, float[] dest, int offset) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("need float32, got " + array.getDataType());
        }
        long size = array.size();
        if (offset < 0 || size > dest.length - (long) offset) {
            throw new IllegalArgumentException(
                    size + " values do not fit at " + offset + " into " + dest.length);
        }
        // The buffer views the tensor's memory (a contiguous copy when it is not contiguous); it is
        // read before the tensor can be closed.
        array.toByteBuffer(true).asFloatBuffer().get(dest, offset, (int) size);
        return (int) size;
    }
}
