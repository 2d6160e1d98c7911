package sc.fiji.stylegan2.model.testutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.TensorData;

/**
 * The reference fixtures made by the official NVlabs code ({@code shared/fixtures}, see its
 * README): raw weights, z, w, images and discriminator logits.
 */
public final class Fixtures {

    private Fixtures() {}

    /**
     * The fixtures folder: system property {@code fixtures.dir}, else {@code ../shared/fixtures}
     * upwards.
     */
    public static Path root() {
        return find("fixtures.dir", "../shared/fixtures");
    }

    /**
     * The conditional fixtures folder (class-label networks, kept apart so that {@link #all} holds
     * only unconditional ones): system property {@code fixtures.conditional.dir}, else {@code
     * ../shared/fixtures-conditional} upwards.
     */
    public static Path conditional() {
        return find("fixtures.conditional.dir", "../shared/fixtures-conditional");
    }

    /** The conditional fixture folders (res32-cond4, ...). */
    public static List<Path> allConditional() throws IOException {
        return folders(conditional());
    }

    private static Path find(String property, String relative) {
        String p = System.getProperty(property);
        if (p != null && Files.isDirectory(Paths.get(p))) {
            return Paths.get(p);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path c = dir.resolve(relative).normalize();
            if (Files.isDirectory(c)) {
                return c;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found: set -D" + property);
    }

    /** The fixture folders (res32-rgb, res64-gray, ...). */
    public static List<Path> all() throws IOException {
        return folders(root());
    }

    private static List<Path> folders(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(root)) {
            s.filter(d -> Files.exists(d.resolve("manifest.json"))).sorted().forEach(out::add);
        }
        return out;
    }

    public static JsonObject manifest(Path fixture) throws IOException {
        return JsonParser.parseString(Files.readString(fixture.resolve("manifest.json")))
                .getAsJsonObject();
    }

    public static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    public static double[] doubles(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(d);
        return d;
    }

    /** One fixture folder by name, e.g. {@code res32-rgb}. */
    public static Path dir(String network) {
        return root().resolve(network);
    }

    public static JsonObject manifest(String network) throws IOException {
        return manifest(dir(network));
    }

    /**
     * Every G_ema tensor from {@code G_ema_weights.bin}, by name in the index's order, with shapes
     * as the index writes them (0-dim tensors such as {@code noise_strength} appear as {@code
     * [1]}).
     */
    public static Map<String, TensorData> rawWeights(String network) throws IOException {
        return rawWeights(dir(network));
    }

    public static Map<String, TensorData> rawWeights(Path fixture) throws IOException {
        JsonObject index =
                JsonParser.parseString(Files.readString(fixture.resolve("G_ema_weights.json")))
                        .getAsJsonObject();
        float[] all = floats(fixture.resolve("G_ema_weights.bin"));
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (JsonElement e : index.getAsJsonArray("tensors")) {
            JsonObject t = e.getAsJsonObject();
            JsonArray shape = t.getAsJsonArray("shape");
            long[] s = new long[shape.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = shape.get(i).getAsLong();
            }
            int off = t.get("offset").getAsInt();
            float[] d = new float[t.get("count").getAsInt()];
            System.arraycopy(all, off, d, 0, d.length);
            out.put(t.get("name").getAsString(), new TensorData(s, d));
        }
        return out;
    }

    /** G_ema's raw tensors with the true shapes: {@code noise_strength} is a 0-dim scalar. */
    public static Map<String, TensorData> rawGEma(Path fixture) throws IOException {
        Map<String, TensorData> out = new LinkedHashMap<>();
        rawWeights(fixture)
                .forEach(
                        (k, v) ->
                                out.put(
                                        k,
                                        k.endsWith("noise_strength")
                                                ? new TensorData(new long[0], v.data())
                                                : v));
        return out;
    }

    /**
     * Same names in the same order, same shapes (0-dim noise strengths: [] here, [1] in the index),
     * same values.
     */
    public static void assertSameTensors(
            Map<String, TensorData> expected, Map<String, TensorData> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        for (Map.Entry<String, TensorData> e : expected.entrySet()) {
            String name = e.getKey();
            TensorData got = actual.get(name);
            long[] shape = name.endsWith("noise_strength") ? new long[0] : e.getValue().shape();
            assertArrayEquals(shape, got.shape(), name);
            assertArrayEquals(e.getValue().data(), got.data(), name);
        }
    }
}
