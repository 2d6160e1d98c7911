package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.testutil.Float32;
import sc.fiji.stylegan2.model.testutil.Images;

class ModelCheckpointTest {

    static final GeneratorConfig TINY =
            GeneratorConfig.builder()
                    .setZDim(16)
                    .setWDim(16)
                    .setMappingLayers(2)
                    .setResolution(16)
                    .setImgChannels(2)
                    .setChannelBase(128)
                    .setChannelMax(16)
                    .build();

    @TempDir Path tmp;

    @Test
    void saveAndLoadReproduceOutputsExactly() throws Exception {
        Path file = tmp.resolve("tiny.sg2");
        GenerateRequest req = GenerateRequest.builder(0, 1, 2).optTruncationPsi(0.5).build();
        GeneratedImages before;
        try (StyleGAN2Model model =
                StyleGAN2Model.create(
                        TINY,
                        DiscriminatorConfig.matching(TINY),
                        IntensityMapping.ofDataRange(0, 4095),
                        7)) {
            perturbWAvg(model.generator());
            before = model.generate(req, ProgressListener.NONE);
            model.save(file);
        }
        try (StyleGAN2Model loaded = StyleGAN2Model.load(file)) {
            assertEquals(TINY, loaded.config());
            assertTrue(loaded.hasDiscriminator());
            assertEquals(IntensityMapping.ofDataRange(0, 4095), loaded.intensity());
            GeneratedImages after = loaded.generate(req, ProgressListener.NONE);
            assertArrayEquals(before.data(), after.data(), 0f);
            assertEquals(before.labels(), after.labels());
        }
        assertFalse(
                Files.list(tmp).anyMatch(p -> p.getFileName().toString().startsWith(".")),
                "no temp file left behind");
    }

    @Test
    void outputRangeModelAppliesTheIntensityMapping() throws Exception {
        try (StyleGAN2Model model =
                StyleGAN2Model.create(TINY, null, IntensityMapping.ofDataRange(100, 300), 3)) {
            float[] raw =
                    model.generate(
                                    GenerateRequest.builder(5)
                                            .optOutputRange(OutputRange.RAW)
                                            .build(),
                                    ProgressListener.NONE)
                            .data();
            float[] mapped =
                    model.generate(GenerateRequest.builder(5).build(), ProgressListener.NONE)
                            .data();
            for (int i = 0; i < raw.length; i++) {
                assertEquals(raw[i] * 100 + 200, mapped[i], 1e-3);
            }
        }
    }

    @Test
    void batchSizeDoesNotChangeImages() throws Exception {
        try (StyleGAN2Model model =
                StyleGAN2Model.create(TINY, null, IntensityMapping.OFFICIAL_8BIT, 3)) {
            float[] one =
                    model.generate(
                                    GenerateRequest.builder(0, 1, 2, 3)
                                            .optBatchSize(1)
                                            .optOutputRange(OutputRange.RAW)
                                            .build(),
                                    ProgressListener.NONE)
                            .data();
            float[] four =
                    model.generate(
                                    GenerateRequest.builder(0, 1, 2, 3)
                                            .optBatchSize(4)
                                            .optOutputRange(OutputRange.RAW)
                                            .build(),
                                    ProgressListener.NONE)
                            .data();
            // Batches of one and of four are different kernels (summation orders): equal up to
            // rounding.
            Images.assertImagesClose(
                    one, four, Float32.synthesis(TINY, one), "batch 1 against batch 4");
        }
    }

    @Test
    void truncatedCheckpointGivesClearError() throws Exception {
        Path file = tmp.resolve("full.sg2");
        try (StyleGAN2Model model =
                StyleGAN2Model.create(TINY, null, IntensityMapping.OFFICIAL_8BIT, 1)) {
            model.save(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.sg2");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointFormatException e =
                assertThrows(CheckpointFormatException.class, () -> StyleGAN2Model.load(cut));
        assertTrue(e.getMessage().contains("cut.sg2"), e.getMessage());
    }

    @Test
    void wrongShapedStateDictNamesTheTensor() throws Exception {
        try (StyleGAN2Model model =
                StyleGAN2Model.create(TINY, null, IntensityMapping.OFFICIAL_8BIT, 1)) {
            Map<String, TensorData> sd = new LinkedHashMap<>(model.generator().exportStateDict());
            sd.put(
                    "synthesis.b8.conv0.weight",
                    new TensorData(new long[] {16, 8, 3, 3}, new float[16 * 8 * 9]));
            CheckpointFormatException e =
                    assertThrows(
                            CheckpointFormatException.class,
                            () -> model.generator().loadStateDict(sd, "test dict"));
            assertTrue(e.getMessage().contains("synthesis.b8.conv0.weight"), e.getMessage());
            assertTrue(e.getMessage().contains("[16, 8, 3, 3]"), e.getMessage());
        }
    }

    @Test
    void missingFileGivesClearError() {
        CheckpointFormatException e =
                assertThrows(
                        CheckpointFormatException.class,
                        () -> StyleGAN2Model.load(tmp.resolve("nope.pkl")));
        assertTrue(
                e.getMessage().contains("nope.pkl") && e.getMessage().contains("does not exist"));
    }

    @Test
    void extraGroupsAndMetadataTravelWithoutDisturbingLoad() throws Exception {
        Path file = tmp.resolve("with-state.sg2");
        com.google.gson.JsonObject extra = new com.google.gson.JsonObject();
        extra.addProperty("note", "training state");
        Map<String, Map<String, TensorData>> groups = new LinkedHashMap<>();
        groups.put("G_opt", Map.of("step", new TensorData(new long[0], new float[] {3})));
        try (StyleGAN2Model model =
                StyleGAN2Model.create(
                        TINY,
                        DiscriminatorConfig.matching(TINY),
                        IntensityMapping.OFFICIAL_8BIT,
                        1)) {
            model.save(file, extra, groups);
        }
        sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint.Contents c =
                sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint.read(file);
        assertArrayEquals(new float[] {3}, c.networks().get("G_opt").get("step").data());
        try (StyleGAN2Model loaded = StyleGAN2Model.load(file)) {
            assertEquals("training state", loaded.metadata().get("note").getAsString());
            assertTrue(loaded.hasDiscriminator());
        }
    }

    private static void perturbWAvg(Generator g) {
        g.mapping().wAvg().set(new float[] {1, -1, 0.5f, 2, 0, 0, 3, 1, 1, 1, 1, 1, -2, 0, 0, 1});
    }
}
