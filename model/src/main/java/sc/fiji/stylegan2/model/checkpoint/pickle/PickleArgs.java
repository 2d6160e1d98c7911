package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.math.BigInteger;
import java.util.List;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * Checked access to the arguments a pickle passes to a whitelisted callable, so that a damaged or
 * hostile file gets a {@link CheckpointFormatException} naming it rather than a {@link
 * ClassCastException}.
 */
final class PickleArgs {

    private final String source;
    private final String callee;
    private final Object[] args;

    /**
     * @param source the file, for messages
     * @param callee the Python name of the callable, for messages
     * @param args the positional arguments
     * @param min the fewest arguments the callable accepts
     * @param max the most
     */
    PickleArgs(String source, String callee, Object[] args, int min, int max)
            throws CheckpointFormatException {
        this.source = source;
        this.callee = callee;
        this.args = args;
        if (args.length < min || args.length > max) {
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            throw wrong(
                    callee
                            + " is called with "
                            + args.length
                            + " arguments instead of "
                            + expected);
        }
    }

    int size() {
        return args.length;
    }

    /** Argument {@code i}, which may be anything. */
    Object get(int i) {
        return args[i];
    }

    /** Argument {@code i} as the given type. */
    <T> T get(int i, Class<T> type) throws CheckpointFormatException {
        Object value = args[i];
        if (!type.isInstance(value)) {
            throw wrong(
                    callee
                            + " gets "
                            + SafeUnpickler.describe(value)
                            + " as argument "
                            + (i + 1)
                            + " where "
                            + type.getSimpleName()
                            + " belongs");
        }
        return type.cast(value);
    }

    /** Argument {@code i} as an integer. */
    long getLong(int i) throws CheckpointFormatException {
        return toLong(args[i], "argument " + (i + 1));
    }

    /** Argument {@code i}, a tuple of integers (a shape or strides). */
    long[] getLongs(int i) throws CheckpointFormatException {
        Object value = args[i];
        Object[] items;
        if (value instanceof Object[] tuple) {
            items = tuple;
        } else if (value instanceof List<?> list) {
            items = list.toArray();
        } else {
            throw wrong(
                    callee
                            + " gets "
                            + SafeUnpickler.describe(value)
                            + " as argument "
                            + (i + 1)
                            + " where a tuple of integers belongs");
        }
        long[] out = new long[items.length];
        for (int k = 0; k < items.length; k++) {
            out[k] = toLong(items[k], "argument " + (i + 1));
        }
        return out;
    }

    private long toLong(Object value, String what) throws CheckpointFormatException {
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw wrong(
                callee
                        + " gets "
                        + SafeUnpickler.describe(value)
                        + " in "
                        + what
                        + " where an integer belongs");
    }

    private CheckpointFormatException wrong(String what) {
        return new CheckpointFormatException(
                source + " is damaged or not a StyleGAN2 checkpoint: " + what);
    }
}
