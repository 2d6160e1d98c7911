package sc.fiji.stylegan2.model.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import sc.fiji.stylegan2.model.io.AtomicFile;
import sc.fiji.stylegan2.model.io.StoredZipEntry;
import sc.fiji.stylegan2.model.torch.PickleWriter;

/**
 * Writes a state dict as {@code torch.save(module.state_dict(), path)} does (the zip format of
 * PyTorch 1.6 and later), so that {@code torch.load} and {@code module.load_state_dict} read it
 * without this project: a zip whose folder {@code archive/} holds
 *
 * <ul>
 *   <li>{@code data.pkl}: pickle protocol 2 of {@code OrderedDict([(name, tensor), ...])}, each
 *       tensor {@code torch._utils._rebuild_tensor_v2(storage, 0, shape, stride, False,
 *       OrderedDict())} with the storage a persistent id {@code ('storage', torch.FloatStorage,
 *       key, 'cpu', numel)};
 *   <li>{@code data/<key>}: each storage's float32 values, little-endian;
 *   <li>{@code version} ({@code 3}) and {@code byteorder} ({@code little}).
 * </ul>
 *
 * Entries are stored uncompressed; the file is written atomically ({@link AtomicFile}). The names
 * and shapes are written as given, so a dict exported from a network here carries the official
 * names ({@code mapping.w_avg}, {@code synthesis.b4.conv1.noise_strength} of shape {@code []}).
 */
public final class TorchStateDictWriter {

    private static final String DIR = "archive/";

    private TorchStateDictWriter() {}

    /**
     * Writes {@code dict} to {@code file}, replacing it if it exists.
     *
     * @throws IOException naming the file when it cannot be written (the previous file is then
     *     unchanged)
     */
    public static void write(Path file, Map<String, TensorData> dict) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(
                file,
                out -> {
                    ZipOutputStream zip = new ZipOutputStream(out);
                    StoredZipEntry.write(zip, DIR + "data.pkl", pickle(dict));
                    int key = 0;
                    for (TensorData t : dict.values()) {
                        StoredZipEntry.write(zip, DIR + "data/" + key++, littleEndian(t.data()));
                    }
                    StoredZipEntry.write(
                            zip, DIR + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
                    StoredZipEntry.write(
                            zip, DIR + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
                    zip.finish(); // AtomicFile flushes and closes the stream
                });
    }

    /** {@code data.pkl}: the ordered dict of tensors, storage keys {@code 0, 1, ...} in order. */
    static byte[] pickle(Map<String, TensorData> dict) {
        PickleWriter p = new PickleWriter();
        p.proto2();
        orderedDict(p);
        p.mark();
        int key = 0;
        for (Map.Entry<String, TensorData> e : dict.entrySet()) {
            p.unicode(e.getKey());
            tensor(p, e.getValue().shape(), key++);
        }
        p.setItems();
        return p.stop();
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks)}. */
    private static void tensor(PickleWriter p, long[] shape, int key) {
        p.global("torch._utils", "_rebuild_tensor_v2");
        p.mark();
        p.mark();
        p.unicode("storage");
        p.global("torch", "FloatStorage");
        p.unicode(Integer.toString(key));
        p.unicode("cpu");
        p.integer(TensorData.numel(shape));
        p.tuple();
        p.binPersId();
        p.integer(0);
        longs(p, shape);
        longs(p, contiguousStrides(shape));
        p.bool(false);
        orderedDict(p);
        p.tuple();
        p.reduce();
    }

    /** Row-major strides: {@code stride[i] = prod(shape[i+1:])}. */
    static long[] contiguousStrides(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        return stride;
    }

    private static void longs(PickleWriter p, long[] values) {
        p.mark();
        for (long v : values) {
            p.integer(v);
        }
        p.tuple();
    }

    /** An empty {@code collections.OrderedDict()}. */
    private static void orderedDict(PickleWriter p) {
        p.global("collections", "OrderedDict");
        p.emptyTuple();
        p.reduce();
    }

    private static byte[] littleEndian(float[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return b.array();
    }
}
