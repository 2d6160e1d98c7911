package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.testutil.Fixtures;
import sc.fiji.stylegan2.model.testutil.Images;

/**
 * The acceptance comparison for conditional models: for every case of the conditional fixtures made
 * by the official code ({@code generate.py --class K}), our generator opened from the official
 * {@code .pkl} and {@code .pt} reproduces w and the images of that class, and our discriminator the
 * logits given the label. The cases (seeds, ψ, classes, file names) come from each fixture's
 * manifest.
 */
class ConditionalParityTest {

    /**
     * The acceptance tolerance (float32 kernels of two libtorch builds; typical errors are near
     * 1e-6).
     */
    static final double TOLERANCE = 1e-3;

    /** One fixture file at one class and ψ, with its cases (one per seed). */
    record Group(String fixture, String file, int classIndex, double psi, List<JsonObject> cases) {
        @Override
        public String toString() {
            return fixture + "/" + file + " class " + classIndex + " psi " + psi;
        }
    }

    static Stream<Arguments> groups() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path fx : Fixtures.allConditional()) {
            JsonObject manifest = Fixtures.manifest(fx);
            Map<String, List<JsonObject>> byClassAndPsi = new LinkedHashMap<>();
            for (JsonElement e : manifest.getAsJsonArray("cases")) {
                JsonObject c = e.getAsJsonObject();
                byClassAndPsi
                        .computeIfAbsent(
                                c.get("class").getAsInt()
                                        + "/"
                                        + c.get("truncation_psi").getAsDouble(),
                                k -> new ArrayList<>())
                        .add(c);
            }
            JsonObject files = manifest.getAsJsonObject("files");
            for (String file :
                    new String[] {
                        files.get("pkl").getAsString(), files.get("state_dict").getAsString()
                    }) {
                for (List<JsonObject> cases : byClassAndPsi.values()) {
                    JsonObject first = cases.get(0);
                    out.add(
                            Arguments.of(
                                    new Group(
                                            fx.getFileName().toString(),
                                            file,
                                            first.get("class").getAsInt(),
                                            first.get("truncation_psi").getAsDouble(),
                                            cases)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void imagesAndWOfEachClassMatchOfficial(Group group) throws Exception {
        Path fx = Fixtures.conditional().resolve(group.fixture());
        long[] seeds = group.cases().stream().mapToLong(c -> c.get("seed").getAsLong()).toArray();
        double worstW = 0, worstImg = 0;
        try (StyleGAN2Model model = StyleGAN2Model.load(fx.resolve(group.file()))) {
            GeneratedImages imgs =
                    model.generate(
                            GenerateRequest.builder(seeds)
                                    .optTruncationPsi(group.psi())
                                    .optClassIndex(group.classIndex())
                                    .optNoiseMode(NoiseMode.CONST)
                                    .optOutputRange(OutputRange.RAW)
                                    .build(),
                            ProgressListener.NONE);
            float[] ws =
                    model.imageGenerator().mapSeeds(seeds, group.classIndex(), group.psi(), null);
            for (int i = 0; i < seeds.length; i++) {
                JsonObject c = group.cases().get(i);
                float[] expectedImg = Fixtures.floats(fx.resolve(file(c, "img")));
                worstImg =
                        Math.max(
                                worstImg,
                                Images.maxAbsDiff(
                                        expectedImg,
                                        Arrays.copyOfRange(
                                                imgs.data(),
                                                i * expectedImg.length,
                                                (i + 1) * expectedImg.length)));
                float[] expectedW = Fixtures.floats(fx.resolve(file(c, "w")));
                worstW =
                        Math.max(
                                worstW,
                                Images.maxAbsDiff(
                                        expectedW,
                                        Arrays.copyOfRange(
                                                ws,
                                                i * expectedW.length,
                                                (i + 1) * expectedW.length)));
            }
        }
        System.out.printf(
                "conditional parity %s: worst |w err| %.3g, worst |img err| %.3g%n",
                group, worstW, worstImg);
        assertTrue(worstW <= TOLERANCE, "w error " + worstW);
        assertTrue(worstImg <= TOLERANCE, "image error " + worstImg);
    }

    static Stream<Arguments> logits() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path fx : Fixtures.allConditional()) {
            for (JsonElement e : Fixtures.manifest(fx).getAsJsonArray("d_logits")) {
                JsonObject entry = e.getAsJsonObject();
                out.add(
                        Arguments.of(
                                fx.getFileName().toString(),
                                entry.get("class").getAsInt(),
                                entry.get("truncation_psi").getAsDouble(),
                                entry));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} D logits class {1} psi {2}")
    @MethodSource("logits")
    void discriminatorLogitsWithTheLabelMatchOfficial(
            String fixture, int classIndex, double psi, JsonObject entry) throws Exception {
        Path fx = Fixtures.conditional().resolve(fixture);
        JsonObject manifest = Fixtures.manifest(fx);
        JsonObject logits = entry.getAsJsonObject("logits");
        try (StyleGAN2Model model =
                StyleGAN2Model.load(
                        fx.resolve(manifest.getAsJsonObject("files").get("pkl").getAsString()))) {
            int c = model.config().imgChannels(), r = model.config().resolution();
            List<Long> seeds = new ArrayList<>();
            logits.getAsJsonArray("seeds").forEach(s -> seeds.add(s.getAsLong()));
            float[] batch = new float[seeds.size() * c * r * r];
            for (int i = 0; i < seeds.size(); i++) {
                float[] img =
                        Fixtures.floats(
                                fx.resolve(
                                        file(
                                                caseOf(manifest, seeds.get(i), classIndex, psi),
                                                "img")));
                System.arraycopy(img, 0, batch, i * img.length, img.length);
            }
            float[] expected = Fixtures.floats(fx.resolve(logits.get("file").getAsString()));
            try (NDScope s = new NDScope()) {
                int n = seeds.size();
                NDArray labels =
                        model.manager()
                                .create(
                                        model.classes().oneHot(classIndex, n),
                                        new Shape(n, model.config().cDim()));
                float[] actual =
                        model.discriminator()
                                .forward(
                                        model.manager().create(batch, new Shape(n, c, r, r)),
                                        labels,
                                        false)
                                .toFloatArray();
                System.out.printf(
                        "conditional parity %s D logits class %d psi %s: err %.3g%n",
                        fixture, classIndex, psi, Images.maxAbsDiff(expected, actual));
                assertArrayEquals(expected, actual, (float) TOLERANCE);
            }
        }
    }

    private static JsonObject caseOf(JsonObject manifest, long seed, int classIndex, double psi) {
        for (JsonElement e : manifest.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("seed").getAsLong() == seed
                    && c.get("class").getAsInt() == classIndex
                    && c.get("truncation_psi").getAsDouble() == psi) {
                return c;
            }
        }
        throw new AssertionError("no case seed " + seed + " class " + classIndex + " psi " + psi);
    }

    private static String file(JsonObject c, String what) {
        return c.getAsJsonObject(what).get("file").getAsString();
    }
}
