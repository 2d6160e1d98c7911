package sc.fiji.stylegan2.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;

/** The target/training image policy: centre crop, bilinear resize, intensity normalisation. */
class ImagePreprocessingTest {

    private static PlanarImages one(int channels, int h, int w, float[] data) {
        return new PlanarImages(data, 1, channels, h, w, List.of("t"));
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void centreCropKeepsTheMiddleSquareOfAWideImage() {
        // 2 rows x 5 columns: the middle 2x2 starts at column 1 (odd excess dropped at the end)
        PlanarImages c = ImagePreprocessing.centerCropSquare(one(1, 2, 5, ramp(10)));
        assertEquals(2, c.width());
        assertArrayEquals(new float[] {1, 2, 6, 7}, c.data(), 0f);
    }

    @Test
    void centreCropKeepsTheMiddleSquareOfATallImageInEveryChannel() {
        PlanarImages c = ImagePreprocessing.centerCropSquare(one(2, 4, 2, ramp(16)));
        assertArrayEquals(new float[] {2, 3, 4, 5, 10, 11, 12, 13}, c.data(), 0f);
    }

    @Test
    void resizingToTheSameSizeChangesNothing() {
        float[] v = ramp(16);
        assertArrayEquals(v, ImagePreprocessing.resize(one(1, 4, 4, v), 4).data(), 0f);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        float[] out = ImagePreprocessing.resize(one(1, 4, 4, ramp(16)), 2).data();
        // block means of 0 1 / 4 5, 2 3 / 6 7, ...
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, out, 1e-6f);
    }

    @Test
    void shrinkingByAFractionWeighsPixelsByTheirOverlap() {
        // 3 -> 2 along both axes: output 0 covers input [0, 1.5): pixel 0 fully, pixel 1 half;
        // weights 2/3, 1/3.
        float[] v = {3, 0, 0, 0, 0, 0, 0, 0, 0};
        float[] out = ImagePreprocessing.resize(one(1, 3, 3, v), 2).data();
        assertEquals(3f * 4 / 9, out[0], 1e-6f);
        assertEquals(0f, out[3], 0f);
        assertEquals(1f, sum(out) * 9 / 4 / 3, 1e-5f, "the mean is kept");
    }

    @Test
    void enlargingInterpolatesLinearlyBetweenPixelCentres() {
        // 1 x 2 -> 4 x 4 along x: output centres at 0.25, 0.75, 1.25, 1.75 in input units
        PlanarImages in = one(1, 2, 2, new float[] {0, 4, 0, 4});
        float[] out = ImagePreprocessing.resize(in, 4).data();
        assertArrayEquals(new float[] {0, 1, 3, 4}, Arrays.copyOf(out, 4), 1e-6f);
    }

    @Test
    void shrinkingAConstantImageKeepsItConstant() {
        float[] v = new float[30 * 30];
        Arrays.fill(v, 7f);
        for (float x : ImagePreprocessing.resize(one(1, 30, 30, v), 8).data()) {
            assertEquals(7f, x, 1e-5f);
        }
    }

    @Test
    void normalisationInvertsTheModelsIntensityMapping() {
        float[] v = {0, 128, 255.5f, 255};
        PlanarImages out =
                ImagePreprocessing.toModelInput(
                        one(1, 2, 2, v), 2, 1, IntensityMapping.OFFICIAL_8BIT, "target");
        // x = (y − 128) / 127.5
        assertArrayEquals(new float[] {-128 / 127.5f, 0, 1, 127 / 127.5f}, out.data(), 1e-6f);
        assertEquals(0f, v[0], "the input is not changed");
    }

    @Test
    void wrongChannelCountIsReportedWithTheParameterName() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ImagePreprocessing.toModelInput(
                                        one(1, 4, 4, new float[16]),
                                        4,
                                        3,
                                        IntensityMapping.OFFICIAL_8BIT,
                                        "target"));
        assertTrue(
                e.getMessage().startsWith("target has 1 channel(s), but the model makes 3-channel"),
                e.getMessage());
    }

    @Test
    void emptyImageIsReportedWithTheParameterName() {
        PlanarImages empty = new PlanarImages(new float[0], 1, 1, 0, 5, List.of("e"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ImagePreprocessing.toModelInput(
                                        empty, 4, 1, IntensityMapping.OFFICIAL_8BIT, "target"));
        assertTrue(e.getMessage().startsWith("target is empty"), e.getMessage());
    }

    @Test
    void notANumberIsRefused() {
        float[] v = new float[16];
        v[3] = Float.NaN;
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ImagePreprocessing.toModelInput(
                                        one(1, 4, 4, v),
                                        4,
                                        1,
                                        IntensityMapping.OFFICIAL_8BIT,
                                        "target"));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
