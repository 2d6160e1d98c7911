package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that knows how many bytes it has handed out and how many its source holds, so
 * that a reader can refuse a length field larger than what is left and say where a damaged file
 * ends.
 */
public final class CountingInputStream extends FilterInputStream {

    private final long length;
    private long position;

    /**
     * @param in the source, read sequentially
     * @param length the number of bytes the source holds, or {@link Long#MAX_VALUE} when unknown
     */
    public CountingInputStream(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    /** Bytes read so far. */
    long position() {
        return position;
    }

    /** Bytes the source holds in all ({@link Long#MAX_VALUE} when unknown). */
    long length() {
        return length;
    }

    /** Bytes left to read, as far as is known. */
    long remaining() {
        return length == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, length - position);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position += Math.max(0, skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
