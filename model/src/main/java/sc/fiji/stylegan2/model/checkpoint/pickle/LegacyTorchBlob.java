package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * The legacy (non-zip) {@code torch.save} format, the one NVIDIA's snapshot pickles nest for every
 * tensor storage ({@code torch.storage._load_from_bytes}). It is a run of pickles and raw data: the
 * magic number, the protocol version 1001, a {@code sys_info} dict, the object pickle (whose
 * persistent ids name storages), a pickle of the list of storage keys, then per key an 8-byte
 * little-endian element count and the storage's raw bytes.
 */
public final class LegacyTorchBlob {

    /** The first pickle of every legacy {@code torch.save} file. */
    static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    /**
     * The bytes that start a legacy {@code torch.save} file: PROTO 2, LONG1 of 10 bytes, the magic.
     */
    public static final byte[] HEADER = {
        (byte) 0x80,
        2,
        (byte) 0x8a,
        10,
        0x6c,
        (byte) 0xfc,
        (byte) 0x9c,
        0x46,
        (byte) 0xf9,
        0x20,
        0x6a,
        (byte) 0xa8,
        0x50,
        0x19
    };

    private static final int PROTOCOL_VERSION = 1001;

    private final String source;
    private final CountingInputStream in;
    private final Map<String, TorchStorage> storages = new LinkedHashMap<>();
    private final Map<String, TorchStorage> views = new HashMap<>();

    private LegacyTorchBlob(String source, CountingInputStream in) {
        this.source = source;
        this.in = in;
    }

    /**
     * Reads a whole legacy {@code torch.save} stream.
     *
     * @param in the stream, at its first byte
     * @param source the file, for messages
     * @param globals the whitelist for the object pickle (storage types are needed for its
     *     persistent ids)
     * @return the saved object, every storage it uses filled
     */
    public static Object read(CountingInputStream in, String source, Map<String, Object> globals)
            throws CheckpointFormatException {
        return new LegacyTorchBlob(source, in).read(globals);
    }

    /**
     * The whitelist callable {@code torch.storage._load_from_bytes(bytes)}: a filled {@link
     * TorchStorage}. It consumes its bytes, so the unpickler does not keep every blob alive beside
     * the storages.
     */
    public static SafeUnpickler.BytesConsumer loadFromBytes(String source) {
        Map<String, Object> globals = new HashMap<>();
        TorchGlobals.putStorageTypes(globals);
        return args -> {
            byte[] blob =
                    new PickleArgs(source, "torch.storage._load_from_bytes", args, 1, 1)
                            .get(0, byte[].class);
            CountingInputStream blobIn =
                    new CountingInputStream(new ByteArrayInputStream(blob), blob.length);
            Object storage = read(blobIn, source, globals);
            if (!(storage instanceof TorchStorage)) {
                throw new CheckpointFormatException(
                        source
                                + " is damaged: a tensor's storage blob holds "
                                + SafeUnpickler.describe(storage)
                                + " instead of a storage");
            }
            return storage;
        };
    }

    private Object read(Map<String, Object> globals) throws CheckpointFormatException {
        SafeUnpickler plain = new SafeUnpickler(source, Map.of(), null);
        Object magic = plain.loadFrom(in);
        if (!MAGIC.equals(magic instanceof Number n ? new BigInteger(n.toString()) : null)) {
            throw notTorch("it does not start with the torch.save magic number");
        }
        Object version = plain.loadFrom(in);
        if (!(version instanceof Number v) || v.intValue() != PROTOCOL_VERSION) {
            throw notTorch(
                    "its torch.save protocol version is " + version + ", not " + PROTOCOL_VERSION);
        }
        Object sysInfo = plain.loadFrom(in);
        ByteOrder order =
                sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))
                        ? ByteOrder.BIG_ENDIAN
                        : ByteOrder.LITTLE_ENDIAN;
        Object result = new SafeUnpickler(source, globals, this::storageFor).loadFrom(in);
        Object keys = plain.loadFrom(in);
        if (!(keys instanceof List<?> keyList)) {
            throw damaged("its list of storage keys is " + SafeUnpickler.describe(keys));
        }
        for (Object key : keyList) {
            readStorage(key, order);
        }
        for (TorchStorage s : storages.values()) {
            if (!s.isFilled()) {
                throw damaged("the data of storage '" + s.key() + "' is missing");
            }
        }
        return result;
    }

    private Object storageFor(Object pid) throws CheckpointFormatException {
        StoragePid id = StoragePid.parse(pid, source);
        TorchStorage root = storages.get(id.key());
        if (root == null) {
            root = TorchStorage.create(source, id.type(), id.key(), id.numel());
            storages.put(id.key(), root);
        } else if (root.type() != id.type() || root.numel() != id.numel()) {
            throw damaged("storage '" + id.key() + "' is described in two different ways");
        }
        if (id.viewKey() == null) {
            return root;
        }
        TorchStorage view = views.get(id.viewKey());
        if (view == null) {
            view = root.view(id.viewKey(), id.viewOffset(), id.viewSize());
            views.put(id.viewKey(), view);
        }
        return view;
    }

    private void readStorage(Object key, ByteOrder order) throws CheckpointFormatException {
        TorchStorage storage = storages.get(key);
        if (storage == null) {
            throw damaged("it holds data for storage " + key + ", which nothing uses");
        }
        try {
            byte[] count = in.readNBytes(8);
            if (count.length < 8) {
                throw truncated();
            }
            long numel = ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (numel != storage.numel()) {
                throw damaged(
                        "storage '"
                                + key
                                + "' holds "
                                + numel
                                + " elements instead of "
                                + storage.numel());
            }
            if (storage.isFilled()) {
                throw damaged("storage '" + key + "' is written twice");
            }
            storage.fill(in, order);
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointFormatException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    private CheckpointFormatException truncated() {
        return new CheckpointFormatException(
                source
                        + " is truncated or damaged (ends at byte "
                        + in.position()
                        + " of a torch.save stream). Copy or download the file again.");
    }

    private CheckpointFormatException notTorch(String why) {
        return new CheckpointFormatException(source + " is not a torch.save file: " + why);
    }

    private CheckpointFormatException damaged(String what) {
        return new CheckpointFormatException(source + " is damaged: " + what);
    }
}
