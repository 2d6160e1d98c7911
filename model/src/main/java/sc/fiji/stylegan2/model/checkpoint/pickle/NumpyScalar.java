package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A pickled numpy scalar ({@code numpy.core.multiarray.scalar(dtype, bytes)}), such as the {@code
 * np.float64} gains StyleGAN2 layers keep as attributes. Floats, integers and booleans are decoded
 * to {@link Double}, {@link Long} and {@link Boolean}; any other scalar stays an opaque {@code
 * NumpyScalar}.
 *
 * @param dtype the scalar's type
 * @param bytes its raw bytes
 */
public record NumpyScalar(NumpyDtype dtype, byte[] bytes) {

    /** The callable for the whitelist. */
    public static SafeUnpickler.PyCallable constructor(String source) {
        return args -> {
            PickleArgs a = new PickleArgs(source, "numpy.core.multiarray.scalar", args, 1, 2);
            NumpyDtype dtype = a.get(0, NumpyDtype.class);
            byte[] raw =
                    a.size() < 2
                            ? new byte[0]
                            : a.get(1) instanceof String s
                                    ? s.getBytes(StandardCharsets.ISO_8859_1)
                                    : a.get(1, byte[].class);
            return decode(dtype, raw);
        };
    }

    /** The scalar as a plain Java value when its type is a common one, else as an opaque scalar. */
    static Object decode(NumpyDtype dtype, byte[] raw) {
        if (raw.length != dtype.itemSize()) {
            return new NumpyScalar(dtype, raw);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(dtype.order());
        return switch (dtype.kind() + String.valueOf(dtype.itemSize())) {
            case "f8" -> b.getDouble();
            case "f4" -> (double) b.getFloat();
            case "i8" -> b.getLong();
            case "i4" -> (long) b.getInt();
            case "u4" -> b.getInt() & 0xffffffffL;
            case "b1" -> raw[0] != 0;
            default -> new NumpyScalar(dtype, raw);
        };
    }

    @Override
    public String toString() {
        return "numpy scalar of " + dtype;
    }
}
