package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;

class ImageStackDataTest {

    /** A gray image whose pixel (x, y) is {@code f(x, y)}. */
    private static SourceImage gray(
            String name, int h, int w, java.util.function.IntBinaryOperator f) {
        float[] p = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = f.applyAsInt(x, y);
            }
        }
        return new SourceImage(name, 1, h, w, p);
    }

    /** Image {@code i} of {@code data} mapped back to the source units. */
    private static float[] inUnits(ImageStackData data, int i) {
        int n = data.channels() * data.resolution() * data.resolution();
        float[] out = new float[n];
        data.copyImage(i, out, 0);
        data.intensity().apply(out);
        return out;
    }

    private static ImageStackData build(
            int res, SquarePolicy policy, BitDepth depth, SourceImage... images) {
        return ImageStackData.builder()
                .setResolution(res)
                .optSquarePolicy(policy)
                .optBitDepth(depth)
                .build(List.of(images));
    }

    @Test
    void centreCropKeepsTheMiddleColumnsOfAWideImage() {
        SourceImage wide = gray("wide", 4, 8, (x, y) -> 10 * y + x); // columns 2..5 are the centre
        ImageStackData d = build(4, SquarePolicy.CENTER_CROP, BitDepth.BITS_8, wide, wide);
        float[] img = inUnits(d, 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(10 * y + x + 2, img[y * 4 + x], 1e-4);
            }
        }
    }

    @Test
    void padCentresATallImageOnTheLowEndOfTheRange() {
        SourceImage tall = gray("tall", 4, 2, (x, y) -> 100 + 10 * y + x);
        ImageStackData d = build(4, SquarePolicy.PAD, BitDepth.BITS_8, tall, tall);
        float[] raw = new float[16];
        d.copyImage(0, raw, 0);
        float[] img = inUnits(d, 0);
        for (int y = 0; y < 4; y++) {
            assertEquals(-1f, raw[y * 4], 1e-6); // columns 0 and 3 are padding: the range minimum
            assertEquals(-1f, raw[y * 4 + 3], 1e-6);
            assertEquals(100 + 10 * y, img[y * 4 + 1], 1e-4);
            assertEquals(101 + 10 * y, img[y * 4 + 2], 1e-4);
        }
    }

    @Test
    void shrinkingByTwoAveragesEachTwoByTwoBlock() {
        SourceImage im = gray("im", 8, 8, (x, y) -> x * x + 3 * y);
        float[] img = inUnits(build(4, SquarePolicy.CENTER_CROP, BitDepth.BITS_8, im, im), 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                double mean = 0;
                for (int k = 0; k < 4; k++) {
                    int sx = 2 * x + k % 2, sy = 2 * y + k / 2;
                    mean += (sx * sx + 3 * sy) / 4.0;
                }
                assertEquals(mean, img[y * 4 + x], 1e-3);
            }
        }
    }

    @Test
    void areaShrinkByANonIntegerFactorPreservesTheMean() {
        SourceImage im = gray("im", 6, 6, (x, y) -> (7 * x + 13 * y * y) % 41);
        float[] out = Resize.planes(im.pixels(), 1, 6, 6, 4, 4);
        double inMean = 0, outMean = 0;
        for (float v : im.pixels()) {
            inMean += v / 36.0;
        }
        for (float v : out) {
            outMean += v / 16.0;
        }
        assertEquals(inMean, outMean, 1e-4);
    }

    @Test
    void enlargingIsBilinearWithHalfPixelCentres() {
        float[] ramp = {0, 10, 20, 30};
        float[] up = Resize.planes(ramp, 1, 1, 4, 1, 8);
        // Target i samples source x = (i + ½)/2 − ½, clamped to [0, 3]: 0, 0.25, 0.75, ..., 3.
        float[] expected = {0, 2.5f, 7.5f, 12.5f, 17.5f, 22.5f, 27.5f, 30};
        assertArrayEquals(expected, up, 1e-4f);
    }

    @Test
    void floatDataMapsTheStackMinimumAndMaximumToMinusOneAndOne() {
        SourceImage a = gray("a", 4, 4, (x, y) -> -50 + x), b = gray("b", 4, 4, (x, y) -> 1000 * y);
        ImageStackData d = build(4, SquarePolicy.CENTER_CROP, BitDepth.FLOAT, a, b);
        float[] first = new float[16], second = new float[16];
        d.copyImage(0, first, 0);
        d.copyImage(1, second, 0);
        assertEquals(-1f, first[0], 1e-6); // −50 is the stack minimum
        assertEquals(1f, second[15], 1e-6); // 3000 is the stack maximum
        assertEquals(IntensityMapping.ofDataRange(-50, 3000), d.intensity());
    }

    @Test
    void storedRangeMapsNormalisedImagesBackToTheSourceUnits() {
        SourceImage a = gray("a", 4, 4, (x, y) -> 7 * x - 3 * y),
                b = gray("b", 4, 4, (x, y) -> x * y);
        ImageStackData d = build(4, SquarePolicy.CENTER_CROP, BitDepth.FLOAT, a, b);
        assertArrayEquals(a.pixels(), inUnits(d, 0), 1e-4f);
        assertArrayEquals(b.pixels(), inUnits(d, 1), 1e-4f);
    }

    @Test
    void eightBitDataUsesTheOfficialMapping() {
        SourceImage a = gray("a", 4, 4, (x, y) -> x == 0 ? 0 : 255), b = a;
        ImageStackData d = build(4, SquarePolicy.CENTER_CROP, BitDepth.BITS_8, a, b);
        float[] raw = new float[16];
        d.copyImage(0, raw, 0);
        assertEquals(-1f, raw[0], 1e-6); // x = y / 127.5 − 1
        assertEquals(1f, raw[1], 1e-6);
        assertEquals(new IntensityMapping(127.5, 127.5), d.intensity());
    }

    @Test
    void sixteenBitDataWithIntensityTypeUsesTheFullTypeRange() {
        SourceImage a = gray("a", 4, 4, (x, y) -> 1000), b = gray("b", 4, 4, (x, y) -> 2000);
        ImageStackData d =
                ImageStackData.builder()
                        .setResolution(4)
                        .optBitDepth(BitDepth.BITS_16)
                        .optIntensity(IntensityOptions.TYPE_SHARED)
                        .build(List.of(a, b));
        assertEquals(IntensityMapping.ofDataRange(0, 65535), d.intensity());
        assertArrayEquals(b.pixels(), inUnits(d, 1), 1e-2f);
    }

    @Test
    void valuesOutsideTheStatedBitDepthAreRejected() {
        SourceImage a = gray("a", 4, 4, (x, y) -> 300);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(4, SquarePolicy.PAD, BitDepth.BITS_8, a, a));
        assertTrue(e.getMessage().contains("8-bit range 0..255"), e.getMessage());
    }

    @Test
    void emptyStackIsRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageStackData.builder().setResolution(32).build(new ArrayList<>()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void singleImageIsRejectedAskingForAtLeastTwo() {
        SourceImage a = gray("only.tif", 4, 4, (x, y) -> x);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageStackData.builder().setResolution(4).build(List.of(a)));
        assertTrue(e.getMessage().contains("need at least 2 images"), e.getMessage());
        assertTrue(e.getMessage().contains("only.tif"), e.getMessage());
    }

    @Test
    void nanIsReportedWithItsSliceAndPosition() {
        SourceImage ok = gray("slice 1", 4, 4, (x, y) -> x);
        float[] p = ok.pixels().clone();
        p[2 * 4 + 3] = Float.NaN;
        SourceImage bad = new SourceImage("slice 2", 1, 4, 4, p);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(4, SquarePolicy.PAD, BitDepth.FLOAT, ok, bad));
        assertTrue(
                e.getMessage().contains("image 2 (slice 2) contains NaN at x=3, y=2"),
                e.getMessage());
    }

    @Test
    void infiniteValuesAreRejected() {
        SourceImage ok = gray("a", 4, 4, (x, y) -> x);
        float[] p = ok.pixels().clone();
        p[0] = Float.POSITIVE_INFINITY;
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                build(
                                        4,
                                        SquarePolicy.PAD,
                                        BitDepth.FLOAT,
                                        ok,
                                        ok,
                                        new SourceImage("c", 1, 4, 4, p)));
        assertTrue(
                e.getMessage().contains("image 3 (c) contains an infinite value"), e.getMessage());
    }

    @Test
    void mismatchedSizesNameBothImages() {
        SourceImage a = gray("a.png", 4, 4, (x, y) -> x), b = gray("b.png", 4, 5, (x, y) -> x);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(4, SquarePolicy.PAD, BitDepth.FLOAT, a, b));
        assertTrue(
                e.getMessage()
                        .contains(
                                "image 2 (b.png) is 5 x 4 px, 1 channel but image 1 (a.png) is 4 x 4 px"),
                e.getMessage());
    }

    @Test
    void constantStackIsRejected() {
        SourceImage a = gray("a", 4, 4, (x, y) -> 5);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> build(4, SquarePolicy.PAD, BitDepth.FLOAT, a, a));
        assertTrue(e.getMessage().contains("nothing to learn"), e.getMessage());
    }

    @Test
    void stacksTooLargeForOneArrayAreRejectedBeforeAllocating() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StackChecks.requireFitsInOneArray(20_000, 3, 256));
        assertTrue(
                e.getMessage().contains("use fewer images or a lower resolution"), e.getMessage());
        StackChecks.requireFitsInOneArray(60_000, 1, 32);
    }

    @Test
    void resolutionMustBeAPowerOfTwo() {
        SourceImage a = gray("a", 4, 4, (x, y) -> x);
        assertThrows(
                IllegalArgumentException.class,
                () -> build(24, SquarePolicy.PAD, BitDepth.FLOAT, a, a));
    }

    @Test
    void suggestedResolutionIsTheLargestPowerOfTwoNotAboveTheSide() {
        assertEquals(32, ImageStackData.suggestedResolution(32));
        assertEquals(32, ImageStackData.suggestedResolution(63));
        assertEquals(4, ImageStackData.suggestedResolution(3));
        assertEquals(1024, ImageStackData.suggestedResolution(5000));
    }

    @Test
    void rgbChannelsArePreparedPlaneByPlane() {
        float[] p = new float[3 * 8 * 8];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(p, c * 64, (c + 1) * 64, 50 * c);
        }
        SourceImage rgb = new SourceImage("rgb", 3, 8, 8, p);
        ImageStackData d = build(4, SquarePolicy.CENTER_CROP, BitDepth.BITS_8, rgb, rgb);
        float[] img = inUnits(d, 0);
        assertEquals(3, d.channels());
        assertEquals(0, img[0], 1e-4);
        assertEquals(50, img[16], 1e-4);
        assertEquals(100, img[47], 1e-4);
    }
}
