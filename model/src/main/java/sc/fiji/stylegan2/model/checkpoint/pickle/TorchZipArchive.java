package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * The zip format of {@code torch.save} (PyTorch 1.6 and later): a top folder of any name holding
 * {@code data.pkl}, whose persistent ids name storages, {@code data/<key>} with each storage's raw
 * bytes, and optionally {@code byteorder}.
 */
public final class TorchZipArchive {

    private final String source;
    private final ZipFile zip;
    private final String prefix;
    private final Map<String, TorchStorage> storages = new HashMap<>();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    private TorchZipArchive(String source, ZipFile zip, String prefix) {
        this.source = source;
        this.zip = zip;
        this.prefix = prefix;
    }

    /**
     * Reads the object a zip {@code torch.save} file holds.
     *
     * @param file the archive
     * @param source the file's name, for messages
     * @param globals the whitelist for {@code data.pkl}
     * @return the saved object, with every storage it uses filled
     */
    public static Object read(Path file, String source, Map<String, Object> globals)
            throws CheckpointFormatException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new CheckpointFormatException(
                    source
                            + " is truncated or damaged: it starts like a zip archive"
                            + " but its directory cannot be read ("
                            + e.getMessage()
                            + "). Copy or download it again.",
                    e);
        }
        try (zip) {
            return new TorchZipArchive(source, zip, findPrefix(zip, source)).readPickle(globals);
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CheckpointFormatException(
                    source
                            + " is truncated or damaged: its zip archive cannot be read ("
                            + e.getMessage()
                            + "). Copy or download it again.",
                    e);
        }
    }

    private static String findPrefix(ZipFile zip, String source) throws CheckpointFormatException {
        List<String> found = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                found.add(name.substring(0, slash + 1));
            }
        }
        if (found.size() != 1) {
            throw new CheckpointFormatException(
                    source
                            + " is a zip archive but not a PyTorch checkpoint: it has "
                            + (found.isEmpty() ? "no" : found.size())
                            + " <folder>/data.pkl entries instead of one."
                            + " Save the state dict with torch.save(G_ema.state_dict(), path).");
        }
        return found.get(0);
    }

    private Object readPickle(Map<String, Object> globals) throws IOException {
        ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
        if (byteorder != null) {
            try (InputStream in = zip.getInputStream(byteorder)) {
                String text = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
                order = text.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            }
        }
        ZipEntry pkl = zip.getEntry(prefix + "data.pkl");
        long size = pkl.getSize() >= 0 ? pkl.getSize() : Long.MAX_VALUE;
        try (InputStream raw = zip.getInputStream(pkl)) {
            CountingInputStream in =
                    new CountingInputStream(new BufferedInputStream(raw, 1 << 16), size);
            return new SafeUnpickler(source, globals, this::storageFor).loadFrom(in);
        }
    }

    private Object storageFor(Object pid) throws IOException {
        StoragePid id = StoragePid.parse(pid, source);
        TorchStorage storage = storages.get(id.key());
        if (storage != null) {
            if (storage.type() != id.type() || storage.numel() != id.numel()) {
                throw damaged("storage '" + id.key() + "' is described in two different ways");
            }
            return storage;
        }
        storage = TorchStorage.create(source, id.type(), id.key(), id.numel());
        ZipEntry entry = zip.getEntry(prefix + "data/" + id.key());
        if (entry == null) {
            throw damaged(
                    "the data of storage '"
                            + id.key()
                            + "' (entry "
                            + prefix
                            + "data/"
                            + id.key()
                            + ") is missing");
        }
        long bytes = id.numel() * id.type().elementSize();
        if (entry.getSize() >= 0 && entry.getSize() < bytes) {
            throw damaged(
                    "entry "
                            + entry.getName()
                            + " holds "
                            + entry.getSize()
                            + " bytes, but storage '"
                            + id.key()
                            + "' needs "
                            + bytes);
        }
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16)) {
            storage.fill(in, order);
        }
        storages.put(id.key(), storage);
        return storage;
    }

    private CheckpointFormatException damaged(String what) {
        return new CheckpointFormatException(source + " is damaged: " + what);
    }
}
