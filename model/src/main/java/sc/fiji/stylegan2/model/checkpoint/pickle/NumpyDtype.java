package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.nio.ByteOrder;

/**
 * A pickled {@code numpy.dtype}: a kind ({@code f}, {@code i}, {@code u}, {@code b}, ...), an item
 * size and a byte order. Only what is needed to decode pickled numpy scalars ({@link NumpyScalar}).
 */
public final class NumpyDtype implements SafeUnpickler.Buildable {

    private final String descr;
    private final char kind;
    private final int itemSize;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    private NumpyDtype(String descr) {
        this.descr = descr;
        this.kind = descr.isEmpty() ? '?' : descr.charAt(0);
        int size = -1;
        try {
            size = Integer.parseInt(descr.substring(Math.min(1, descr.length())));
        } catch (NumberFormatException e) {
            // not a simple kind+size code (e.g. a structured type): kept opaque
        }
        this.itemSize = size;
    }

    /** The callable for the whitelist: {@code numpy.dtype(descr, align, copy)}. */
    public static SafeUnpickler.PyCallable constructor(String source) {
        return args ->
                new NumpyDtype(
                        new PickleArgs(source, "numpy.dtype", args, 1, 3).get(0, String.class));
    }

    /** Takes the byte order from numpy's state tuple {@code (version, order, ...)}. */
    @Override
    public void build(Object state) {
        if (state instanceof Object[] s && s.length > 1 && ">".equals(s[1])) {
            order = ByteOrder.BIG_ENDIAN;
        }
    }

    /** The type code as pickled, e.g. {@code f8}. */
    String descr() {
        return descr;
    }

    /**
     * numpy's kind letter: {@code f} float, {@code i} signed, {@code u} unsigned, {@code b} bool.
     */
    char kind() {
        return kind;
    }

    /** Bytes per item, or -1 when the code has none. */
    int itemSize() {
        return itemSize;
    }

    ByteOrder order() {
        return order;
    }

    @Override
    public String toString() {
        return "dtype('" + descr + "')";
    }
}
