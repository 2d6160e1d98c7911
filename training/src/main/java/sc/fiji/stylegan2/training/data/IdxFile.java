package sc.fiji.stylegan2.training.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (LeCun et al., http://yann.lecun.com/exdb/mnist/): a
 * big-endian magic {@code 0x0000TTDD} (type {@code 0x08} = unsigned byte, {@code DD} = number of
 * dimensions), the dimensions as big-endian int32, then the values in C order. Files may be gzipped
 * (detected by content).
 *
 * @param dims the dimensions, e.g. {@code [60000, 28, 28]} for images, {@code [60000]} for labels
 * @param data the unsigned bytes
 */
public record IdxFile(int[] dims, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Reads a (gzipped) IDX file of unsigned bytes; errors name the file. */
    public static IdxFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " does not exist");
        }
    }

    /** Reads a (gzipped) IDX stream of unsigned bytes. */
    public static IdxFile read(InputStream raw, String name) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(new BufferedInputStream(raw), 2);
        int b0 = peek.read(), b1 = peek.read();
        if (b1 >= 0) {
            peek.unread(b1);
        }
        if (b0 >= 0) {
            peek.unread(b0);
        }
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(peek, 1 << 16) : peek;
        DataInputStream din = new DataInputStream(in);
        try {
            int magic = din.readInt();
            if ((magic >>> 16) != 0
                    || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE
                    || (magic & 0xff) == 0) {
                throw new IOException(
                        name
                                + " is not an IDX file of unsigned bytes (magic 0x"
                                + Integer.toHexString(magic)
                                + ")");
            }
            int[] dims = new int[magic & 0xff];
            long n = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = din.readInt();
                n *= dims[i];
            }
            if (n < 0 || n > Integer.MAX_VALUE - 8) {
                throw new IOException(name + " has invalid dimensions " + Arrays.toString(dims));
            }
            byte[] data = new byte[(int) n];
            din.readFully(data);
            return new IdxFile(dims, data);
        } catch (EOFException e) {
            throw new IOException(name + " is truncated", e);
        }
    }

    /** Writes this array as a gzipped IDX file. */
    public void writeGzip(OutputStream raw) throws IOException {
        GZIPOutputStream gz =
                new GZIPOutputStream(raw, 1 << 16) {
                    {
                        def.setLevel(
                                Deflater.BEST_COMPRESSION); // the embedded subset ships in the jar:
                        // keep it small
                    }
                };
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt((UNSIGNED_BYTE << 8) | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        gz.finish();
    }

    /** Number of items (the first dimension). */
    public int count() {
        return dims[0];
    }

    /** Unsigned value at a flat index. */
    public int value(int flatIndex) {
        return data[flatIndex] & 0xff;
    }
}
