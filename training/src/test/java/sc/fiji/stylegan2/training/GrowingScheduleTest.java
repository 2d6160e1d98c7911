package sc.fiji.stylegan2.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sc.fiji.stylegan2.model.network.Architecture;

/** Progressive growing's schedule against the official formula, worked by hand. */
class GrowingScheduleTest {

    /** Official StyleGAN at 64 px: from 8 px (lod 3), phases of 600 + 600 kimg. */
    @ParameterizedTest
    @CsvSource({
        "0, 3", // training 8 px
        "600000, 3", // the fade-in of 16 px starts
        "900000, 2.5", // half way through it
        "1200000, 2", // training 16 px
        "2100000, 1.5",
        "3600000, 0", // 64 px reached
        "9000000, 0"
    })
    void lodFollowsTheOfficialSchedule(long nimg, double lod) {
        assertEquals(lod, GrowingSchedule.official().lod(nimg, 64), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"3, 16", "2.5, 16", "2, 16", "1.5, 8", "0, 4"})
    void lowerResolutionsTrainWithLargerMinibatchesUpToTheFactor(double lod, int batch) {
        assertEquals(batch, GrowingSchedule.official().batchSize(4, lod));
    }

    @Test
    void realsMidFadeInBlendTheirTwoResolutions() {
        try (NDManager m = NDManager.newBaseManager()) {
            // One 4x4 image; at lod 1.5: 2x2 box means, blended half way with their 1x1 mean.
            float[] px = {0, 2, 4, 6, 2, 4, 6, 8, 8, 8, 0, 0, 8, 8, 0, 0};
            NDArray x = m.create(px, new Shape(1, 1, 4, 4));
            float[] out = GrowingSchedule.realsAt(x, 1.5).toFloatArray();
            // box means 2, 6 / 8, 0; overall mean 4; half way: 3, 5 / 6, 2; each repeated 2x2
            float[] expected = {3, 3, 5, 5, 3, 3, 5, 5, 6, 6, 2, 2, 6, 6, 2, 2};
            assertArrayEquals(expected, out, 1e-6f);
        }
    }

    @Test
    void growingAStyleGAN2ModelIsRefusedWithOneClearLine() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Tiny.options(1).optGrowing(GrowingSchedule.official()).build());
        assertTrue(e.getMessage().startsWith("growing=true needs architecture='stylegan1'"));
        Tiny.options(1)
                .optArchitecture(Architecture.STYLEGAN1)
                .optGrowing(GrowingSchedule.official())
                .build();
    }
}
