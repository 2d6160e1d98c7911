package sc.fiji.stylegan2.model.direction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import sc.fiji.stylegan2.model.io.AtomicFile;
import sc.fiji.stylegan2.model.latent.NpyArray;

/**
 * Direction files: a NumPy {@code .npz} (uncompressed, as {@code np.savez}) with {@code directions}
 * {@code [k, w_dim]} float32 (unit vectors, best first), {@code score} {@code [k]} float32, {@code
 * layers} {@code [n]} float32 (the ws indices), and {@code method} a 0-d unicode string ({@code
 * '<U4'} {@code sefa}; {@code str(np.load(f)['method'])} in Python). Written atomically ({@link
 * AtomicFile}).
 */
public final class DirectionFile {

    static final String DIRECTIONS = "directions";
    static final String SCORE = "score";
    static final String LAYERS = "layers";
    static final String METHOD = "method";
    private static final Pattern UNICODE = Pattern.compile("'descr'\\s*:\\s*'<U(\\d+)'");

    private DirectionFile() {}

    /** Writes the directions atomically. */
    public static void write(Path file, Directions d) throws IOException {
        AtomicFile.write(file, out -> writeNpz(out, d));
    }

    private static void writeNpz(OutputStream out, Directions d) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out); // not closed: the caller owns out
        float[] vectors = new float[d.count() * d.wDim()];
        for (int i = 0; i < d.count(); i++) {
            System.arraycopy(d.vector(i), 0, vectors, i * d.wDim(), d.wDim());
        }
        put(zip, DIRECTIONS, new NpyArray(new long[] {d.count(), d.wDim()}, vectors).encode());
        float[] scores = new float[d.count()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) d.scores()[i];
        }
        put(zip, SCORE, new NpyArray(new long[] {scores.length}, scores).encode());
        int[] layers = d.layers();
        float[] l = new float[layers.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = layers[i];
        }
        put(zip, LAYERS, new NpyArray(new long[] {l.length}, l).encode());
        put(zip, METHOD, text(d.method().key()));
        zip.finish();
    }

    /** A 0-d NumPy unicode array ({@code '<U n'}: UTF-32LE code points), padded as NumPy pads. */
    static byte[] text(String s) {
        int[] cps = s.codePoints().toArray();
        String dict = "{'descr': '<U" + cps.length + "', 'fortran_order': False, 'shape': (), }";
        int unpadded = 6 + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(10 + header.length() + 4 * cps.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (int cp : cps) {
            b.putInt(cp);
        }
        return b.array();
    }

    private static void put(ZipOutputStream zip, String key, byte[] bytes) throws IOException {
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
     * Reads a direction file.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static Directions read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IOException("direction file " + file + " does not exist");
        }
        Map<String, byte[]> entries = entries(file);
        NpyArray v = array(entries, DIRECTIONS, name);
        long[] s = v.shape();
        if (s.length != 2 || s[0] < 1 || s[1] < 1) {
            throw new IOException(
                    name
                            + ": 'directions' has shape "
                            + java.util.Arrays.toString(s)
                            + "; expected [k, w_dim]");
        }
        int k = (int) s[0], wDim = (int) s[1];
        float[][] vectors = new float[k][wDim];
        for (int i = 0; i < k; i++) {
            System.arraycopy(v.data(), i * wDim, vectors[i], 0, wDim);
        }
        float[] sc = array(entries, SCORE, name).data();
        if (sc.length != k) {
            throw new IOException(name + ": " + sc.length + " scores for " + k + " directions");
        }
        double[] scores = new double[k];
        for (int i = 0; i < k; i++) {
            scores[i] = sc[i];
        }
        float[] l = array(entries, LAYERS, name).data();
        int[] layers = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            layers[i] = Math.round(l[i]);
        }
        DirectionMethod method;
        try {
            method = DirectionMethod.parse(METHOD, readText(entries, name));
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        return new Directions(method, vectors, scores, layers);
    }

    private static NpyArray array(Map<String, byte[]> entries, String key, String name)
            throws IOException {
        byte[] bytes = entries.get(key);
        if (bytes == null) {
            throw new IOException(
                    name
                            + " has no '"
                            + key
                            + "' array (keys: "
                            + entries.keySet()
                            + "); expected a direction file written by Find Directions");
        }
        return NpyArray.decode(bytes, key + ".npy in " + name);
    }

    private static String readText(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(METHOD);
        if (bytes == null || bytes.length < 10) {
            throw new IOException(name + " has no 'method'; expected a file from Find Directions");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        int headerLength = Short.toUnsignedInt(b.getShort());
        if (bytes[6] != 1 || 10 + headerLength > bytes.length) {
            throw new IOException(name + ": 'method' is not a NumPy version 1.0 text");
        }
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher m = UNICODE.matcher(header);
        if (!m.find()) {
            throw new IOException(name + ": 'method' is not a text ('<U') array: " + header.trim());
        }
        int n = Integer.parseInt(m.group(1));
        b.position(10 + headerLength);
        if (b.remaining() < 4 * n) {
            throw new IOException(name + ": 'method' is truncated");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = b.getInt();
            if (cp != 0) {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (!e.isDirectory() && e.getName().endsWith(".npy")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        entries.put(
                                e.getName().substring(0, e.getName().length() - 4),
                                in.readAllBytes());
                    }
                }
            }
        } catch (ZipException e) {
            throw new IOException(
                    file.getFileName()
                            + " is not a NumPy .npz file ("
                            + e.getMessage()
                            + "); give a direction file written by Find Directions",
                    e);
        }
        return entries;
    }
}
