package sc.fiji.stylegan2.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference fixtures from the official NVlabs code (see {@code shared/fixtures/README.md}). */
final class Fixtures {

    private Fixtures() {}

    /** The fixtures root: system property {@code fixtures.dir} (set by the parent pom), else beside the checkout. */
    static Path root() {
        String property = System.getProperty("fixtures.dir");
        List<Path> candidates = property != null
                ? List.of(Path.of(property))
                : List.of(Path.of("../shared/fixtures"), Path.of("../../shared/fixtures"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("res32-rgb"))) {
                return p;
            }
        }
        return fail("reference fixtures not found at " + candidates + "; set -Dfixtures.dir");
    }

    static Path dir(String network) {
        return root().resolve(network);
    }

    static JsonObject manifest(String network) throws IOException {
        return JsonParser.parseString(Files.readString(dir(network).resolve("manifest.json"))).getAsJsonObject();
    }

    /**
     * Every G_ema tensor from {@code G_ema_weights.bin}, by name in the index's order. The index writes 0-dim
     * tensors with shape {@code [1]}; they are returned as written.
     */
    static Map<String, TensorData> rawWeights(String network) throws IOException {
        Path d = dir(network);
        JsonObject index = JsonParser.parseString(Files.readString(d.resolve("G_ema_weights.json"))).getAsJsonObject();
        ByteBuffer bin = ByteBuffer.wrap(Files.readAllBytes(d.resolve("G_ema_weights.bin")))
                .order(ByteOrder.LITTLE_ENDIAN);
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (JsonElement e : index.getAsJsonArray("tensors")) {
            JsonObject t = e.getAsJsonObject();
            JsonArray dims = t.getAsJsonArray("shape");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).getAsLong();
            }
            float[] values = new float[t.get("count").getAsInt()];
            bin.position(4 * t.get("offset").getAsInt());
            bin.asFloatBuffer().get(values);
            out.put(t.get("name").getAsString(), new TensorData(shape, values));
        }
        return out;
    }

    /** Same names in the same order, same shapes (0-dim noise strengths: [] here, [1] in the index), same values. */
    static void assertSameTensors(Map<String, TensorData> expected, Map<String, TensorData> actual) {
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
