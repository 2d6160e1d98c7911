package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.util.Arrays;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.TensorData;

/**
 * A tensor as a pickle describes it ({@code torch._utils._rebuild_tensor_v2}): a view of a storage
 * with an element offset, a shape and strides. The storage's values may arrive after the tensor is
 * unpickled, so the values are gathered only by {@link #toTensorData}.
 *
 * @param source the file, for messages
 * @param storage the viewed storage
 * @param offset element offset into the storage
 * @param shape the dimensions
 * @param stride the element step of each dimension
 */
public record TensorRef(
        String source, TorchStorage storage, long offset, long[] shape, long[] stride) {

    /** Checks what can be checked before the storage's values are read. */
    public TensorRef {
        if (shape.length != stride.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(shape)
                            + " and stride "
                            + Arrays.toString(stride)
                            + " differ in rank");
        }
    }

    /**
     * The tensor's values in C order. When the tensor is exactly its whole storage (the usual case
     * for saved weights) the storage's array is used as it is, not copied.
     *
     * @param name the tensor's name, for messages
     */
    public TensorData toTensorData(String name) throws CheckpointFormatException {
        long n = checkedNumel(name);
        float[] values = storage.values();
        long base = storage.rootOffset() + offset;
        long last = base;
        for (int i = 0; i < shape.length; i++) {
            if (stride[i] < 0) {
                throw damaged(name, "has a negative stride");
            }
            last += n == 0 ? 0 : (shape[i] - 1) * stride[i];
        }
        long end = storage.rootOffset() + storage.numel();
        if (offset < 0 || (n > 0 && last >= end)) {
            throw damaged(
                    name,
                    "reaches past the end of its storage of " + storage.numel() + " elements");
        }
        if (isContiguous()) {
            if (base == 0 && n == values.length) {
                return new TensorData(shape.clone(), values);
            }
            return new TensorData(
                    shape.clone(), Arrays.copyOfRange(values, (int) base, (int) (base + n)));
        }
        return new TensorData(shape.clone(), gather(values, base, (int) n));
    }

    private long checkedNumel(String name) throws CheckpointFormatException {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw damaged(name, "has a negative dimension");
            }
            n = d == 0 ? 0 : n * d;
            if (n > TorchStorage.MAX_ELEMENTS) {
                throw damaged(name, "is too large for this reader");
            }
        }
        return n;
    }

    private boolean isContiguous() {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** Copies a strided view into C order, walking the index like an odometer. */
    private float[] gather(float[] values, long base, int n) {
        float[] out = new float[n];
        int rank = shape.length;
        long[] index = new long[rank];
        long at = base;
        for (int k = 0; k < n; k++) {
            out[k] = values[(int) at];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                at += stride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                at -= index[d] * stride[d];
                index[d] = 0;
            }
        }
        return out;
    }

    private CheckpointFormatException damaged(String name, String what) {
        return new CheckpointFormatException(
                source
                        + " is damaged: tensor '"
                        + name
                        + "' of shape "
                        + Arrays.toString(shape)
                        + " with strides "
                        + Arrays.toString(stride)
                        + " "
                        + what);
    }
}
