package sc.fiji.stylegan2.model.latent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One float32 array in NumPy's {@code .npy} format (NEP 1, "A simple file format for NumPy
 * arrays"): the magic {@code \x93NUMPY}, version 1.0, a little-endian uint16 header length, and an
 * ASCII header that is a Python dict literal, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (1, 18, 512), }}, padded with spaces and a final newline so that the data starts at a
 * multiple of 64 bytes; then the values in C order. Reading also accepts versions 2.0/3.0 and
 * float64 ({@code <f8}, converted to float32).
 *
 * @param shape the array's shape ({@code []} for a scalar)
 * @param data the values, C order
 */
public record NpyArray(long[] shape, float[] data) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public NpyArray {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(shape)
                            + " does not hold "
                            + data.length
                            + " values");
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The header dict as NumPy writes it: {@code 'shape': (5,)} for one axis, {@code ()} for none.
     */
    static String headerDict(long[] shape) {
        StringBuilder s = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",), }" : "), }").toString();
    }

    /** The complete {@code .npy} file. */
    public byte[] encode() {
        String dict = headerDict(shape);
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1; // + 1 for the final '\n'
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * data.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.asFloatBuffer().put(data);
        return b.array();
    }

    /**
     * Parses a {@code .npy} file.
     *
     * @param what what the bytes are, for messages (e.g. {@code w.npy in x.npz})
     * @throws IOException naming {@code what} and the problem
     */
    public static NpyArray decode(byte[] bytes, String what) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IOException(what + " is not a NumPy .npy array");
        }
        int major = bytes[6];
        b.position(8);
        long headerLength =
                major == 1 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        if (major < 1 || major > 3 || b.position() + headerLength > bytes.length) {
            throw new IOException(
                    what + ": unsupported or damaged .npy header (version " + major + ")");
        }
        String header =
                new String(
                        bytes,
                        b.position(),
                        (int) headerLength,
                        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        b.position(b.position() + (int) headerLength);
        String descr = group(DESCR, header, what);
        long[] shape = parseShape(group(SHAPE, header, what), what);
        if (shape.length > 1 && group(FORTRAN, header, what).equals("True")) {
            throw new IOException(
                    what + ": Fortran-order arrays are not supported; save with C order");
        }
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IOException(
                        what
                                + ": damaged .npy header (negative size in shape "
                                + Arrays.toString(shape)
                                + ")");
            }
            n =
                    d == 0 || n == 0
                            ? 0
                            : n > Integer.MAX_VALUE / d ? Long.MAX_VALUE : n * d; // no overflow
        }
        int itemSize =
                switch (descr) {
                    case "<f4" -> 4;
                    case "<f8" -> 8;
                    default ->
                            throw new IOException(
                                    what
                                            + " has dtype '"
                                            + descr
                                            + "'; expected float32 ('<f4') or float64");
                };
        if (n > Integer.MAX_VALUE || b.remaining() < n * itemSize) {
            throw new IOException(
                    what
                            + " is truncated: shape "
                            + Arrays.toString(shape)
                            + " needs more than the "
                            + b.remaining()
                            + " bytes of data it has");
        }
        float[] data = new float[(int) n];
        for (int i = 0; i < n; i++) {
            data[i] = itemSize == 4 ? b.getFloat() : (float) b.getDouble();
        }
        return new NpyArray(shape, data);
    }

    private static String group(Pattern p, String header, String what) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(
                    what
                            + ": the .npy header lacks "
                            + p.pattern().split("'")[1]
                            + ": "
                            + header.trim());
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, String what) throws IOException {
        try {
            return Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IOException(
                    what
                            + ": damaged .npy header (shape ("
                            + text
                            + ") is not a list of whole numbers)");
        }
    }
}
