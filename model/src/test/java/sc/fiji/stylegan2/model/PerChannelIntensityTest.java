package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.checkpoint.ConfigJson;
import sc.fiji.stylegan2.model.generate.GenerateRequest;

/**
 * Per-channel intensity mappings: generated images in each channel's units, stored and read back.
 */
class PerChannelIntensityTest {

    /** Channel 1 in 0..100, channel 2 in 10,000..30,000 (a dim marker beside a bright stain). */
    private static final IntensityMapping TWO =
            IntensityMapping.ofDataRanges(new double[] {0, 10_000}, new double[] {100, 30_000});

    @TempDir Path tmp;

    @Test
    void generatedValuesComeBackInEachChannelsUnits() throws Exception {
        try (StyleGAN2Model model = StyleGAN2Model.create(ModelCheckpointTest.TINY, null, TWO, 3)) {
            float[] raw =
                    model.generate(
                                    GenerateRequest.builder(5, 6)
                                            .optOutputRange(OutputRange.RAW)
                                            .build(),
                                    ProgressListener.NONE)
                            .data();
            float[] mapped =
                    model.generate(GenerateRequest.builder(5, 6).build(), ProgressListener.NONE)
                            .data();
            int plane = 16 * 16;
            for (int i = 0; i < raw.length; i++) {
                int c = (i / plane) % 2;
                double scale = c == 0 ? 50 : 10_000, offset = c == 0 ? 50 : 20_000;
                // Two generate calls agree to float rounding of the raw values (~1e-5), times the
                // scale.
                assertEquals(raw[i] * scale + offset, mapped[i], 1e-5 * scale, "value " + i);
            }
        }
    }

    @Test
    void perChannelMappingSurvivesACheckpoint() throws Exception {
        Path file = tmp.resolve("two.sg2");
        try (StyleGAN2Model model = StyleGAN2Model.create(ModelCheckpointTest.TINY, null, TWO, 3)) {
            model.save(file);
        }
        try (StyleGAN2Model loaded = StyleGAN2Model.load(file)) {
            assertEquals(TWO, loaded.intensity());
        }
    }

    @Test
    void checkpointsWithOneScaleAndOffsetReadAsAMappingSharedByAllChannels() {
        JsonObject old = new JsonObject();
        old.addProperty("scale", 2047.5);
        old.addProperty("offset", 2047.5);
        IntensityMapping m = ConfigJson.intensity(old);
        assertTrue(m.isShared());
        assertEquals(IntensityMapping.ofDataRange(0, 4095), m);
        // Exact: 2047.5 + 2047.5 in double arithmetic (no tensor op involved).
        assertEquals(4095, m.offset(1) + m.scale(1), 0);
    }

    @Test
    void invertUndoesApplyPerChannel() {
        float[] values = {0, 100, 10_000, 30_000};
        TWO.invert(values, 2);
        // Exact: plain Java arithmetic on small integers (offsets 50 and 20,000, scales 50 and
        // 10,000), every intermediate representable in double and the results in float; Java
        // floating point is the same on every machine and no tensor op is involved.
        assertEquals(-1, values[0], 0);
        assertEquals(1, values[1], 0);
        assertEquals(-1, values[2], 0);
        assertEquals(1, values[3], 0);
        TWO.apply(values, 2);
        assertEquals(100, values[1], 0);
        assertEquals(10_000, values[2], 0);
    }
}
