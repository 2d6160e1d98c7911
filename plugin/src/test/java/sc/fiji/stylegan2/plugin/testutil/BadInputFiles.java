package sc.fiji.stylegan2.plugin.testutil;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.gui.OvalRoi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import sc.fiji.stylegan2.plugin.task.ModelTasks;

/**
 * The files of the bad-input corpus, made in one folder from the reference fixtures: damaged,
 * truncated and foreign model files of every kind ({@code .pkl}, {@code .pt}, {@code .sg2}),
 * damaged latent files ({@code .npz}, {@code .csv}), images that are not images, and paths that
 * cannot be written.
 */
public final class BadInputFiles {

    private final Path dir;

    private BadInputFiles(Path dir) {
        this.dir = dir;
    }

    /** The folder the files are in. */
    public Path dir() {
        return dir;
    }

    /** A file of the corpus, e.g. {@code truncated.pkl}. */
    public String path(String name) {
        return dir.resolve(name).toString();
    }

    /** Writes every file of the corpus into {@code dir}. */
    public static BadInputFiles create(Path dir) throws IOException {
        BadInputFiles f = new BadInputFiles(dir);
        f.foreignFiles();
        f.officialModels();
        f.sg2Checkpoints();
        f.latentFiles();
        f.images();
        return f;
    }

    private void foreignFiles() throws IOException {
        write("text.txt", "hello\n");
        write("text.png", "hello, not a png\n");
        write("text.tif", "hello, not a tiff\n");
        write("text.pkl", "<html>404 Not Found</html>\n");
        write("text.pt", "hello\n");
        write("text.sg2", "hello\n");
        write("lfs.pkl", "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 123\n");
        Files.write(dir.resolve("empty.pkl"), new byte[0]);
        Files.createDirectories(dir.resolve("folder.pkl"));
        Files.createDirectories(dir.resolve("outdir.tif"));
        Files.createDirectories(dir.resolve("outdir.sg2"));
        Files.createDirectories(dir.resolve("outdir.npz"));
        Files.createDirectories(dir.resolve("empty-folder"));
        Files.createDirectories(dir.resolve("text-images"));
        write("text-images/a.png", "not a png\n");
    }

    private void officialModels() throws IOException {
        byte[] pkl = Files.readAllBytes(Fixtures.rgb32Pickle());
        Files.write(dir.resolve("truncated.pkl"), Arrays.copyOf(pkl, pkl.length / 2));
        byte[] garbage = new byte[1000];
        Arrays.fill(garbage, (byte) 0x3b);
        garbage[0] = (byte) 0x80;
        garbage[1] = 2;
        Files.write(dir.resolve("garbage.pkl"), garbage);
        Path pt = Fixtures.dir().resolve("res32-rgb/G_ema.pt");
        byte[] ptBytes = Files.readAllBytes(pt);
        Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(ptBytes, ptBytes.length / 2));
        // A state dict whose synthesis.b32.conv1.weight is renamed (same length) is one that lacks
        // it.
        rewriteZip(
                pt,
                dir.resolve("missing-tensor.pt"),
                (name, bytes) ->
                        name.endsWith("data.pkl")
                                ? replace(
                                        bytes,
                                        "synthesis.b32.conv1.weight",
                                        "synthesis.b32.conv1.weighX")
                                : bytes);
    }

    private void sg2Checkpoints() throws IOException {
        Path good = dir.resolve("good.sg2");
        ModelTasks.convert(Fixtures.rgb32Pickle(), good);
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dir.resolve("truncated.sg2"), Arrays.copyOf(bytes, bytes.length / 2));
        rewriteZip(
                good,
                dir.resolve("broken-json.sg2"),
                (name, b) -> name.equals("stylegan2.json") ? Arrays.copyOf(b, 200) : b);
        sg2("huge-shape.sg2", m -> firstTensor(m).add("shape", shape(65536, 65536)));
        sg2("negative-shape.sg2", m -> firstTensor(m).add("shape", shape(-128, 128)));
        sg2("negative-offset.sg2", m -> firstTensor(m).addProperty("offset", -5));
        sg2("text-shape.sg2", m -> firstTensor(m).addProperty("shape", "abc"));
        sg2("no-config-key.sg2", m -> m.getAsJsonObject("G").remove("z_dim"));
        sg2("newer-version.sg2", m -> m.addProperty("version", 99));
        rewriteZip(
                good,
                dir.resolve("no-g-ema-data.sg2"),
                (name, b) -> name.equals("G_ema.f32") ? null : b);
    }

    private static JsonObject firstTensor(JsonObject meta) {
        return meta.getAsJsonObject("tensors").getAsJsonArray("G_ema").get(1).getAsJsonObject();
    }

    private static JsonArray shape(long... dims) {
        JsonArray a = new JsonArray();
        Arrays.stream(dims).forEach(a::add);
        return a;
    }

    private void sg2(String name, Consumer<JsonObject> change) throws IOException {
        rewriteZip(
                dir.resolve("good.sg2"),
                dir.resolve(name),
                (entry, b) -> {
                    if (!entry.equals("stylegan2.json")) {
                        return b;
                    }
                    JsonObject meta =
                            JsonParser.parseString(new String(b, StandardCharsets.UTF_8))
                                    .getAsJsonObject();
                    change.accept(meta);
                    return meta.toString().getBytes(StandardCharsets.UTF_8);
                });
    }

    private void latentFiles() throws IOException {
        write("text.npz", "hello\n");
        write("text.csv", "hello\n");
        write("not-a-number.csv", "image,layer,w0,w1\n0,0,1.0,abc\n");
        write("short-row.csv", "image,layer,w0,w1\n0,0,1.0\n");
        write("huge-index.csv", "image,layer,w0\n2000000000,2000000000,1.0\n");
        write("no-values.csv", "image,layer,\n");
        npz("no-w.npz", "x", npy("<f4", "(1, 8, 128)", new float[8 * 128]));
        npz("negative-shape.npz", "w", npy("<f4", "(-1, 8, 128)", new float[4]));
        npz("text-shape.npz", "w", npy("<f4", "(a, b)", new float[4]));
        npz("truncated.npz", "w", npy("<f4", "(1, 8, 128)", new float[10]));
        npz("int-dtype.npz", "w", npy("<i8", "(1, 8, 128)", new float[8 * 128 * 2]));
        npz("wrong-size.npz", "w", npy("<f4", "(1, 3, 7)", new float[21]));
    }

    private void images() throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.dir().resolve("res32-rgb/img_seed0_psi1p00.png"));
        Files.copy(
                Fixtures.dir().resolve("res32-rgb/img_seed0_psi1p00.png"), dir.resolve("good.png"));
        Files.createDirectories(dir.resolve("good-images"));
        for (int seed = 0; seed < 2; seed++) {
            String name = "img_seed" + seed + "_psi1p00.png";
            Files.copy(
                    Fixtures.dir().resolve("res32-rgb").resolve(name),
                    dir.resolve("good-images").resolve(name));
        }
        // Labels of good-images: one listed file missing; one class only.
        write("labels-missing.csv", "img_seed0_psi1p00.png,a\nmissing.png,b\n");
        write("labels-one.csv", "img_seed0_psi1p00.png,a\nimg_seed1_psi1p00.png,a\n");
        Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        byte[] tif = new byte[28];
        System.arraycopy(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, 0, tif, 0, 8);
        Files.write(dir.resolve("header-only.tif"), tif);
        RoiZips.write(dir.resolve("empty-rois.zip"), List.of());
        // good-images are 32 x 32 px: the second oval's centre lies outside them.
        RoiZips.write(
                dir.resolve("outside-rois.zip"),
                List.of(new OvalRoi(4, 4, 8, 8), new OvalRoi(60, 10, 8, 8)));
    }

    /** A {@code .npy} with the given dtype and shape text, whatever the data's length. */
    private static byte[] npy(String descr, String shape, float[] data) {
        String header =
                "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(10 + header.length() + 4 * data.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})
                .putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.asFloatBuffer().put(data);
        return b.array();
    }

    private void npz(String name, String key, byte[] npy) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(key + ".npy"));
            zip.write(npy);
            zip.closeEntry();
        }
    }

    /** An entry's new bytes, or null to leave it out. */
    private interface EntryChange {
        byte[] apply(String name, byte[] bytes) throws IOException;
    }

    private static void rewriteZip(Path from, Path to, EntryChange change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(from.toFile())) {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] b = change.apply(entry.getName(), in.readAllBytes());
                    if (b != null) {
                        entries.put(entry.getName(), b);
                    }
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(to, bytes.toByteArray());
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                byte[] out = bytes.clone();
                System.arraycopy(b, 0, out, i, b.length);
                return out;
            }
        }
        throw new IllegalStateException(from + " not found");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
