package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * One PyTorch storage: a flat run of elements that tensors view with an offset and strides. Pickles
 * name a storage by a persistent id before its bytes are read, so the values arrive later through
 * {@link #fill}. A legacy view storage shares its root's values from an element offset.
 */
final class TorchStorage {

    /** The largest storage this reader holds in one Java array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final int CHUNK_BYTES = 1 << 16;

    private final String source;
    private final StorageType type;
    private final String key;
    private final long numel;
    private final TorchStorage root;
    private final long rootOffset;
    private float[] values;

    private TorchStorage(
            String source,
            StorageType type,
            String key,
            long numel,
            TorchStorage root,
            long rootOffset) {
        this.source = source;
        this.type = type;
        this.key = key;
        this.numel = numel;
        this.root = root;
        this.rootOffset = rootOffset;
    }

    /** A storage whose values {@link #fill} will read. */
    static TorchStorage create(String source, StorageType type, String key, long numel)
            throws CheckpointFormatException {
        if (numel < 0 || numel > MAX_ELEMENTS) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged or too large for this reader: storage '"
                            + key
                            + "' claims "
                            + numel
                            + " elements (at most "
                            + MAX_ELEMENTS
                            + " are supported)");
        }
        return new TorchStorage(source, type, key, numel, null, 0);
    }

    /** A legacy view of {@code size} elements of this storage from element {@code offset}. */
    TorchStorage view(String viewKey, long offset, long size) throws CheckpointFormatException {
        if (offset < 0 || size < 0 || offset + size > numel) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged: storage view '"
                            + viewKey
                            + "' ["
                            + offset
                            + ", "
                            + (offset + size)
                            + ") lies outside storage '"
                            + key
                            + "' of "
                            + numel
                            + " elements");
        }
        return new TorchStorage(source, type, viewKey, size, this, offset);
    }

    StorageType type() {
        return type;
    }

    String key() {
        return key;
    }

    /** Elements in this storage (for a view: in the view). */
    long numel() {
        return numel;
    }

    /** Whether {@link #values()} can be called. */
    boolean isFilled() {
        return root != null ? root.isFilled() : values != null;
    }

    /**
     * The values of the root storage, as floats; a view's elements start at {@link #rootOffset()}.
     */
    float[] values() throws CheckpointFormatException {
        if (root != null) {
            return root.values();
        }
        if (values == null) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged: storage '"
                            + key
                            + "' is used but its data was never written");
        }
        return values;
    }

    /** Index in {@link #values()} of this storage's first element (0 unless a view). */
    long rootOffset() {
        return root != null ? root.rootOffset() + rootOffset : 0;
    }

    /**
     * Reads this (root) storage's {@code numel} elements of raw data, converting them to floats.
     *
     * @param in the raw bytes, exactly {@code numel * elementSize} of them from the current
     *     position
     * @param order the byte order the file was written in
     */
    void fill(InputStream in, ByteOrder order) throws IOException {
        if (root != null) {
            throw new IllegalStateException("a view has no data of its own");
        }
        float[] dst = new float[(int) numel];
        int elementSize = type.elementSize();
        byte[] chunk = new byte[CHUNK_BYTES];
        int done = 0;
        while (done < dst.length) {
            int count = Math.min(dst.length - done, CHUNK_BYTES / elementSize);
            int bytes = count * elementSize;
            int got = in.readNBytes(chunk, 0, bytes);
            if (got < bytes) {
                throw new CheckpointFormatException(
                        source
                                + " is truncated or damaged: storage '"
                                + key
                                + "' ends after "
                                + ((long) done * elementSize + got)
                                + " of its "
                                + numel * elementSize
                                + " bytes");
            }
            type.decode(ByteBuffer.wrap(chunk, 0, bytes).order(order), dst, done, count);
            done += count;
        }
        values = dst;
    }
}
