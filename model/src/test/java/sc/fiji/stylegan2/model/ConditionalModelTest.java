package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.testutil.Fixtures;

/**
 * Opening, saving and generating with a conditional model (the official fixture {@code
 * res32-cond4}).
 */
class ConditionalModelTest {

    static final Path PKL =
            Fixtures.conditional().resolve("res32-cond4").resolve("network-snapshot-000000.pkl");

    @TempDir Path tmp;

    static GenerateRequest.Builder request() {
        return GenerateRequest.builder(0, 1).optOutputRange(OutputRange.RAW);
    }

    @Test
    void conditionalModelWithoutAClassNamesTheClasses() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> model.generate(request().build(), ProgressListener.NONE));
            assertEquals(
                    "condition: this model is conditional (4 classes: 0..3); give condition=K",
                    e.getMessage());
        }
    }

    @Test
    void classOutOfRangeIsRefused() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    model.generate(
                                            request().optClassIndex(4).build(),
                                            ProgressListener.NONE));
            assertEquals(
                    "condition 4 is out of range: this model has 4 classes: 0..3", e.getMessage());
        }
    }

    @Test
    void callersWithoutAClassAreToldToGiveOne() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> model.imageGenerator().mapSeeds(new long[] {0}, 1, null));
            assertEquals(
                    "condition: this model is conditional (4 classes: 0..3); give condition=K",
                    e.getMessage());
        }
    }

    @Test
    void modelInfoShowsTheClasses() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL)) {
            assertTrue(
                    model.describe().contains("conditional: c_dim 4 (4 classes: 0..3)"),
                    model.describe());
        }
    }

    @Test
    void unconditionalModelRefusesAClass() throws Exception {
        try (StyleGAN2Model model =
                StyleGAN2Model.load(Fixtures.all().get(0).resolve("G_ema.pt"))) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    model.generate(
                                            request().optClassIndex(1).build(),
                                            ProgressListener.NONE));
            assertTrue(
                    e.getMessage()
                            .startsWith("condition '1' given, but this model is unconditional"),
                    e.getMessage());
        }
    }

    @Test
    void discriminatorLabelMappingIsReadOffTheTensors() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL)) {
            DiscriminatorConfig d = model.discriminator().config();
            Map<String, ?> sd = model.discriminator().stateDict();
            int layers = 0;
            while (sd.containsKey("mapping.fc" + layers + ".weight")) {
                layers++;
            }
            assertEquals(model.config().cDim(), d.cDim());
            assertEquals(layers, d.mappingLayers());
            assertEquals(
                    d.channels(4), d.cmapDim(), "official default cmap_dim: the channels at 4x4");
        }
    }

    @Test
    void conditionalDiscriminatorWithoutALabelFails() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL);
                NDScope s = new NDScope()) {
            int r = model.config().resolution();
            var img = model.manager().zeros(new Shape(2, model.config().imgChannels(), r, r));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> model.discriminator().forward(img));
            assertTrue(e.getMessage().contains("conditional"), e.getMessage());
        }
    }

    @Test
    void sg2RoundTripKeepsTheConditionalNetworksAndClassNames() throws Exception {
        Path file = tmp.resolve("cond.sg2");
        GenerateRequest req = request().optClassIndex(2).optTruncationPsi(0.7).build();
        float[] before;
        DiscriminatorConfig d;
        try (StyleGAN2Model model = StyleGAN2Model.load(PKL)) {
            before = model.generate(req, ProgressListener.NONE).data();
            d = model.discriminator().config();
            JsonObject meta = new JsonObject();
            JsonArray names = new JsonArray();
            List.of("wt", "ko", "het", "dmso").forEach(names::add);
            meta.add(StyleGAN2Model.CLASS_NAMES, names);
            model.save(file, meta, Map.of());
        }
        try (StyleGAN2Model loaded = StyleGAN2Model.load(file)) {
            assertEquals(4, loaded.config().cDim());
            assertEquals(d, loaded.discriminator().config());
            assertEquals(2, loaded.classes().parse("het"));
            // Exact: the .sg2 stores the float32 tensors as they are, so both runs are the same
            // computation (same weights to the bit, same request and batch make-up, same process,
            // threads and kernels).
            assertArrayEquals(before, loaded.generate(req, ProgressListener.NONE).data(), 0f);
        }
    }
}
