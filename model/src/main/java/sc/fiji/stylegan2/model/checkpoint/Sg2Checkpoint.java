package sc.fiji.stylegan2.model.checkpoint;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import sc.fiji.stylegan2.model.io.AtomicFile;

/**
 * This project's own checkpoint file ({@code .sg2}): one zip holding {@code stylegan2.json}
 * (format, version, the networks' configs, intensity mapping, free metadata, and an index of every
 * tensor) and one raw little-endian float32 entry per network ({@code G_ema.f32}, {@code G.f32},
 * {@code D.f32}, ...). Entries are stored uncompressed so large models load at disk speed; any zip
 * tool can list them.
 *
 * <p>Writes are atomic: the file is written beside the target under a temporary name and renamed
 * over it, so an interrupted save never damages the previous checkpoint.
 */
public final class Sg2Checkpoint {

    public static final String FORMAT = "stylegan2-fiji";
    public static final int VERSION = 1;
    static final String META_ENTRY = "stylegan2.json";

    /**
     * A checkpoint's contents.
     *
     * @param meta the metadata object (configs etc.), without the tensor index
     * @param networks tensors by network name ({@code G_ema}, {@code G}, {@code D}, optimizer
     *     states ...)
     */
    public record Contents(JsonObject meta, Map<String, Map<String, TensorData>> networks) {}

    private Sg2Checkpoint() {}

    /**
     * True when the file is a zip with our metadata entry (cheap: reads the zip directory only).
     */
    public static boolean isSg2(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(META_ENTRY) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes atomically ({@link AtomicFile}): a temporary file in the same folder, then a rename
     * over {@code file}; on failure the previous file is unchanged and the message says so.
     */
    public static void write(Path file, Contents contents) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(
                file,
                out -> {
                    ZipOutputStream zip = new ZipOutputStream(out);
                    JsonObject meta = contents.meta().deepCopy();
                    meta.addProperty("format", FORMAT);
                    meta.addProperty("version", VERSION);
                    JsonObject index = new JsonObject();
                    for (Map.Entry<String, Map<String, TensorData>> net :
                            contents.networks().entrySet()) {
                        index.add(net.getKey(), writeNetwork(zip, net.getKey(), net.getValue()));
                    }
                    meta.add("tensors", index);
                    byte[] json =
                            new GsonBuilder()
                                    .setPrettyPrinting()
                                    .create()
                                    .toJson(meta)
                                    .getBytes(StandardCharsets.UTF_8);
                    stored(zip, META_ENTRY, json);
                    zip.finish(); // the central directory; AtomicFile flushes and closes the stream
                });
    }

    private static JsonArray writeNetwork(
            ZipOutputStream zip, String name, Map<String, TensorData> tensors) throws IOException {
        long total = 0;
        for (TensorData t : tensors.values()) {
            total += t.data().length;
        }
        if (total * 4 > Integer.MAX_VALUE) {
            throw new IOException("network " + name + " is too large for one checkpoint entry");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total * 4).order(ByteOrder.LITTLE_ENDIAN);
        JsonArray index = new JsonArray();
        long offset = 0;
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("name", e.getKey());
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            t.add("shape", shape);
            t.addProperty("offset", offset);
            index.add(t);
            buf.asFloatBuffer().put((int) offset, e.getValue().data());
            offset += e.getValue().data().length;
        }
        stored(zip, name + ".f32", buf.array());
        return index;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads a checkpoint; every problem is a {@link CheckpointFormatException} whose message names
     * the file, says what is damaged and what to do. Sizes in the index are checked against the
     * data before anything is allocated, so a damaged index cannot ask for more memory than the
     * file holds.
     */
    public static Contents read(Path file) throws IOException {
        String f = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry metaEntry = zip.getEntry(META_ENTRY);
            if (metaEntry == null) {
                throw new CheckpointFormatException(
                        f
                                + ": a zip file but not a StyleGAN2-Fiji checkpoint (no "
                                + META_ENTRY
                                + "); give a .sg2 written by this plugin, or the original .pkl/.pt");
            }
            JsonObject meta = parseIndex(f, readAll(zip, metaEntry));
            String format =
                    meta.has("format") && meta.get("format").isJsonPrimitive()
                            ? meta.get("format").getAsString()
                            : null;
            if (!FORMAT.equals(format)) {
                throw damaged(f, "unknown format tag");
            }
            int version = Sg2Index.integer(f, meta, "version", "the index");
            if (version > VERSION) {
                throw new CheckpointFormatException(
                        f
                                + ": written by a newer version (format "
                                + version
                                + "); update the StyleGAN2 plugin to open it");
            }
            JsonObject index = Sg2Index.object(f, meta, "tensors", "the index");
            meta.remove("tensors");
            Map<String, Map<String, TensorData>> networks = new LinkedHashMap<>();
            for (String net : index.keySet()) {
                networks.put(
                        net,
                        readNetwork(
                                zip, f, net, Sg2Index.array(f, index, net, "the tensor index")));
            }
            return new Contents(meta, networks);
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException(f + ": does not exist; check the path");
        } catch (ZipException e) {
            throw new CheckpointFormatException(
                    f
                            + ": truncated or damaged .sg2 checkpoint (its zip directory"
                            + " cannot be read); use an earlier checkpoint or the original .pkl/.pt",
                    e);
        } catch (
                RuntimeException
                        e) { // a case the checks above missed: still one message, no class names
            throw damaged(f, "its index cannot be read");
        }
    }

    /** The error for a damaged checkpoint: what is wrong, and what to do. */
    static CheckpointFormatException damaged(String f, String what) {
        return new CheckpointFormatException(
                f
                        + ": damaged .sg2 checkpoint ("
                        + what
                        + "); re-save it or use the original .pkl/.pt");
    }

    private static JsonObject parseIndex(String f, byte[] json) throws CheckpointFormatException {
        try {
            JsonElement e = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw damaged(f, META_ENTRY + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw damaged(f, META_ENTRY + " is not valid JSON");
        }
    }

    private static Map<String, TensorData> readNetwork(
            ZipFile zip, String f, String net, JsonArray index) throws IOException {
        ZipEntry entry = zip.getEntry(net + ".f32");
        if (entry == null) {
            throw damaged(f, "the tensors of " + net + " are missing");
        }
        long floats = entry.getSize() / 4;
        if (entry.getSize() < 0 || entry.getSize() > Integer.MAX_VALUE) {
            throw damaged(f, "the data of " + net + " has an impossible size");
        }
        ByteBuffer buf = ByteBuffer.wrap(readAll(zip, entry)).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (JsonElement e : index) {
            Sg2Index.Tensor t = Sg2Index.tensor(f, net, e, floats);
            float[] data = new float[(int) t.numel()];
            buf.asFloatBuffer().get((int) t.offset(), data);
            out.put(t.name(), new TensorData(t.shape(), data));
        }
        return out;
    }

    private static byte[] readAll(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
