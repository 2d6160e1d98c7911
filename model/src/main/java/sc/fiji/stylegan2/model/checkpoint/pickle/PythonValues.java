package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * Converts unpickled values to plain Java: {@code Map<String, Object>} (insertion-ordered), {@code
 * List}, {@code Long}, {@code Double}, {@code String}, {@code Boolean} and {@code null}. Anything
 * else (a tensor, a module, an opaque numpy scalar, bytes) becomes a short descriptive {@code
 * String}.
 */
public final class PythonValues {

    /** Deeper nesting than this is taken for a self-referencing (damaged or hostile) pickle. */
    private static final int MAX_DEPTH = 64;

    /** More values than this in one conversion is taken for a pickle built to blow up. */
    private static final int MAX_VALUES = 1_000_000;

    private final String what;
    private final String source;
    private int count;

    private PythonValues(String what, String source) {
        this.what = what;
        this.source = source;
    }

    /**
     * Converts a pickled dict.
     *
     * @param value the dict, or null for an empty map
     * @param what the value's role, for messages (e.g. "the generator's _init_kwargs")
     * @param source the file, for messages
     */
    public static Map<String, Object> toPlainMap(Object value, String what, String source)
            throws CheckpointFormatException {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged: "
                            + what
                            + " is "
                            + SafeUnpickler.describe(value)
                            + ", not a dict");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map =
                (Map<String, Object>) new PythonValues(what, source).toPlain(value, 0);
        return map;
    }

    private Object toPlain(Object value, int depth) throws CheckpointFormatException {
        if (depth > MAX_DEPTH || ++count > MAX_VALUES) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged: "
                            + what
                            + " nests too deep or holds too"
                            + " many values (it may refer to itself)");
        }
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), toPlain(e.getValue(), depth + 1));
            }
            return out;
        }
        if (value instanceof Object[] tuple) {
            return toPlainList(Arrays.asList(tuple), depth);
        }
        if (value instanceof Collection<?> items) {
            return toPlainList(items, depth);
        }
        return describe(value);
    }

    private List<Object> toPlainList(Collection<?> items, int depth)
            throws CheckpointFormatException {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(toPlain(item, depth + 1));
        }
        return out;
    }

    private static String describe(Object value) {
        if (value instanceof PersistentModule module) {
            return "<" + module.className() + ">";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (value instanceof TensorRef t) {
            return "<tensor " + Arrays.toString(t.shape()) + ">";
        }
        return "<" + value + ">";
    }
}
