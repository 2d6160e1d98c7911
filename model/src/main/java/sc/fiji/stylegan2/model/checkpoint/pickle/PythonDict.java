package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * A Python dict subclass from a pickle ({@code collections.OrderedDict}, {@code
 * dnnlib.util.EasyDict}): an insertion-ordered map. Attributes set on the instance (such as the
 * {@code _metadata} that {@code state_dict()} attaches) are kept apart from the items.
 */
public final class PythonDict extends LinkedHashMap<Object, Object>
        implements SafeUnpickler.Buildable {

    private static final long serialVersionUID = 1L;

    private final transient String pythonType;
    private transient Object attributes;

    PythonDict(String pythonType) {
        this.pythonType = pythonType;
    }

    /** The Python class, e.g. {@code collections.OrderedDict}. */
    String pythonType() {
        return pythonType;
    }

    /** The instance attributes that BUILD set, or null. */
    Object attributes() {
        return attributes;
    }

    @Override
    public void build(Object state) {
        attributes = state;
    }

    /**
     * The callable for the whitelist: {@code cls()}, {@code cls(mapping)} or {@code cls(iterable of
     * pairs)}.
     *
     * @param source the file, for messages
     * @param pythonType the class's qualified name
     */
    public static SafeUnpickler.PyCallable constructor(String source, String pythonType) {
        return args -> {
            PickleArgs a = new PickleArgs(source, pythonType, args, 0, 1);
            PythonDict dict = new PythonDict(pythonType);
            if (a.size() == 1 && a.get(0) != null) {
                addAll(dict, a, source);
            }
            return dict;
        };
    }

    private static void addAll(PythonDict dict, PickleArgs a, String source)
            throws CheckpointFormatException {
        Object init = a.get(0);
        if (init instanceof Map<?, ?> map) {
            dict.putAll(map);
            return;
        }
        if (init instanceof Iterable<?> pairs) {
            for (Object pair : pairs) {
                Object[] kv =
                        pair instanceof Object[] t
                                ? t
                                : pair instanceof java.util.List<?> l ? l.toArray() : null;
                if (kv == null || kv.length != 2) {
                    throw new CheckpointFormatException(
                            source
                                    + " is damaged: "
                                    + dict.pythonType
                                    + " is built from "
                                    + SafeUnpickler.describe(pair)
                                    + " instead of a (key, value) pair");
                }
                dict.put(kv[0], kv[1]);
            }
            return;
        }
        throw new CheckpointFormatException(
                source
                        + " is damaged: "
                        + dict.pythonType
                        + " is built from "
                        + SafeUnpickler.describe(init));
    }
}
