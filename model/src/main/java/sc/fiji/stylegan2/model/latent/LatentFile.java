package sc.fiji.stylegan2.model.latent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import sc.fiji.stylegan2.model.io.AtomicFile;

/**
 * Latent files: the official projector's NumPy {@code .npz} (as {@code np.savez}: an uncompressed
 * zip of {@code .npy} arrays) with the key {@code w}, shape {@code [N, num_ws, w_dim]} (N = 1 for
 * one projection; the official {@code generate.py --projected-w} reads it and makes one image per
 * row), plus, when known, one {@code noise_<layer>} array {@code [N, R, R]} per synthesis layer
 * (e.g. {@code noise_synthesis.b8.conv0}), so that a projection regenerates exactly; and a {@code
 * .csv} of the ws for spreadsheets ({@link LatentCsv}). The format is chosen by the extension
 * ({@code .csv}, anything else is {@code .npz}).
 */
public final class LatentFile {

    /** The key of the latents in the official projector's file. */
    public static final String W_KEY = "w";

    /** The prefix of the noise-map keys. */
    public static final String NOISE_PREFIX = "noise_";

    private LatentFile() {}

    /** True for a path that names a {@code .csv} latent file. */
    public static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Writes latents atomically ({@link AtomicFile}: temporary file, then rename; on failure the
     * previous file is unchanged and the message says so): {@code .npz}, or {@code .csv} by
     * extension.
     */
    public static void write(Path file, Latents latents) throws IOException {
        AtomicFile.write(
                file,
                out -> {
                    if (isCsv(file)) {
                        LatentCsv.write(out, latents);
                    } else {
                        writeNpz(out, latents);
                    }
                });
    }

    private static void writeNpz(OutputStream out, Latents latents) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out); // not closed: the caller owns out
        put(
                zip,
                W_KEY,
                new NpyArray(
                        new long[] {latents.count(), latents.numWs(), latents.wDim()},
                        latents.ws()));
        for (Map.Entry<String, float[]> e : latents.noise().entrySet()) {
            long r = latents.noiseResolution(e.getKey());
            put(
                    zip,
                    NOISE_PREFIX + e.getKey(),
                    new NpyArray(new long[] {latents.count(), r, r}, e.getValue()));
        }
        zip.finish();
    }

    /** Stores one array uncompressed, as {@code np.savez} does. */
    private static void put(ZipOutputStream zip, String key, NpyArray array) throws IOException {
        byte[] bytes = array.encode();
        ZipEntry entry = new ZipEntry(key + ".npy");
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads a latent file: an {@code .npz} with {@code w} of shape {@code [N, num_ws, w_dim]} (or
     * {@code [num_ws, w_dim]}) and optional noise maps, or a {@code .csv} written by {@link
     * LatentCsv}.
     *
     * @throws IOException naming the file and what is wrong
     */
    public static Latents read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("latent file " + file + " does not exist");
        }
        if (isCsv(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return LatentCsv.read(in, file.getFileName().toString());
            } catch (IllegalArgumentException e) {
                throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
            }
        }
        Map<String, NpyArray> arrays = readNpz(file);
        NpyArray w = arrays.get(W_KEY);
        if (w == null) {
            throw new IOException(
                    file.getFileName()
                            + " has no '"
                            + W_KEY
                            + "' array (keys: "
                            + arrays.keySet()
                            + "); expected a projected latent as written by the projector");
        }
        long[] s = w.shape();
        if (s.length == 2) {
            s = new long[] {1, s[0], s[1]};
        }
        if (s.length != 3 || s[0] < 1) {
            throw new IOException(
                    file.getFileName()
                            + ": '"
                            + W_KEY
                            + "' has shape "
                            + java.util.Arrays.toString(w.shape())
                            + "; expected [N, num_ws, w_dim]");
        }
        int count = (int) s[0];
        Map<String, float[]> noise = new LinkedHashMap<>();
        arrays.forEach(
                (key, a) -> {
                    if (key.startsWith(NOISE_PREFIX)) {
                        noise.put(key.substring(NOISE_PREFIX.length()), a.data());
                    }
                });
        try {
            return new Latents(count, (int) s[1], (int) s[2], w.data(), noise);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, NpyArray> readNpz(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                String key = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    arrays.put(
                            key,
                            NpyArray.decode(
                                    in.readAllBytes(), e.getName() + " in " + file.getFileName()));
                }
            }
        } catch (ZipException e) {
            throw new IOException(
                    file.getFileName()
                            + " is not a NumPy .npz file ("
                            + e.getMessage()
                            + "); give an .npz"
                            + " written by Project Image or numpy.savez, or a .csv latent table",
                    e);
        }
        return arrays;
    }
}
