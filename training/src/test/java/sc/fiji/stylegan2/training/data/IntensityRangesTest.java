package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;

class IntensityRangesTest {

    private static final IntensityOptions PERCENTILE =
            new IntensityOptions(IntensityMode.PERCENTILE, 0.1, 99.9, null);

    /** A 100 x 100 image holding each of 0..9,999 once. */
    private static SourceImage ramp(String name) {
        float[] p = new float[10_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return new SourceImage(name, 1, 100, 100, p);
    }

    @Test
    void percentilesOfAKnownHistogramAreItsNearestRanks() {
        // 20,000 values, each of 0..9,999 twice: 0.1 % is rank 20 (value 9), 99.9 % rank 19,980
        // (value 9,989).
        IntensityRanges.Choice c =
                IntensityRanges.choose(List.of(ramp("a"), ramp("b")), BitDepth.BITS_16, PERCENTILE);
        assertEquals(IntensityMapping.ofDataRange(9, 9989), c.mapping());
        assertEquals(2 * (9 + 10), c.clipped()); // 0..8 below, 9,990..9,999 above, in both images
        assertTrue(c.description().contains("38 of 20,000 values"), c.description());
    }

    @Test
    void floatDataGivesTheSamePercentilesAsTheHistogram() {
        IntensityRanges.Choice c =
                IntensityRanges.choose(List.of(ramp("a"), ramp("b")), BitDepth.FLOAT, PERCENTILE);
        assertEquals(IntensityMapping.ofDataRange(9, 9989), c.mapping());
    }

    @Test
    void percentilesIgnoreAHotPixel() {
        SourceImage a = ramp("a"), b = ramp("b");
        b.pixels()[0] = 65_535;
        IntensityRanges.Choice c =
                IntensityRanges.choose(List.of(a, b), BitDepth.BITS_16, PERCENTILE);
        // 0 once, 1..9,999 twice, 65,535 once: value v holds ranks 2v and 2v + 1, so ranks 20 and
        // 19,980
        // are 10 and 9,990, and the hot pixel is clipped.
        assertEquals(IntensityMapping.ofDataRange(10, 9990), c.mapping());
    }

    @Test
    void twelveBitStackWithTheDefaultMappingSpansMinusOneToOne() {
        SplittableRandom r = new SplittableRandom(1);
        SourceImage[] images = new SourceImage[3];
        for (int i = 0; i < images.length; i++) {
            float[] p = new float[64 * 64];
            for (int k = 0; k < p.length; k++) {
                p[k] = r.nextInt(4096);
            }
            images[i] = new SourceImage("slice " + (i + 1), 1, 64, 64, p);
        }
        ImageStackData d =
                ImageStackData.builder()
                        .setResolution(64)
                        .build(new SourceStack(List.of(images), BitDepth.BITS_16));
        float[] all = new float[3 * 64 * 64];
        for (int i = 0; i < 3; i++) {
            d.copyImage(i, all, i * 64 * 64);
        }
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float v : all) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1, min, 0);
        assertEquals(1, max, 0);
        assertTrue(d.description().startsWith("intensity auto: percentile"), d.description());
    }

    @Test
    void sixteenBitDataUsingItsRangeKeepsTheTypeRangeByDefault() {
        SourceImage a = new SourceImage("a", 1, 1, 2, new float[] {0, 40_000});
        IntensityRanges.Choice c =
                IntensityRanges.choose(List.of(a, a), BitDepth.BITS_16, IntensityOptions.DEFAULT);
        assertEquals(IntensityMode.TYPE, c.mode());
        assertEquals(IntensityMapping.ofDataRange(0, 65535), c.mapping());
    }

    @Test
    void eachChannelGetsItsOwnRangeByDefault() {
        // Channel 1 in 0..100, channel 2 in 10,000..30,000.
        SourceImage a = new SourceImage("a", 2, 1, 2, new float[] {0, 100, 10_000, 30_000});
        IntensityRanges.Choice c =
                IntensityRanges.choose(List.of(a, a), BitDepth.FLOAT, IntensityOptions.DEFAULT);
        assertFalse(c.mapping().isShared());
        assertEquals(-1, (0 - c.mapping().offset(0)) / c.mapping().scale(0), 0);
        assertEquals(1, (100 - c.mapping().offset(0)) / c.mapping().scale(0), 0);
        assertEquals(-1, (10_000 - c.mapping().offset(1)) / c.mapping().scale(1), 0);
        assertEquals(1, (30_000 - c.mapping().offset(1)) / c.mapping().scale(1), 0);
    }

    @Test
    void sharedRangeWhenPerChannelIsOff() {
        SourceImage a = new SourceImage("a", 2, 1, 2, new float[] {0, 100, 10_000, 30_000});
        IntensityRanges.Choice c =
                IntensityRanges.choose(
                        List.of(a, a),
                        BitDepth.FLOAT,
                        new IntensityOptions(IntensityMode.DATA, 0.1, 99.9, false));
        assertEquals(IntensityMapping.ofDataRange(0, 30_000), c.mapping());
    }

    @Test
    void sparseDataWhosePercentilesMeetFallsBackToMinMax() {
        float[] p = new float[10_000];
        java.util.Arrays.fill(p, 100);
        p[0] = 4000; // one bright pixel in 10,000: both percentiles are 100
        SourceImage a = new SourceImage("a", 1, 100, 100, p);
        IntensityRanges.Choice c =
                IntensityRanges.choose(List.of(a, a), BitDepth.BITS_16, PERCENTILE);
        assertEquals(IntensityMapping.ofDataRange(100, 4000), c.mapping());
        assertTrue(c.description().endsWith("min..max)"), c.description());
    }

    @Test
    void percentileLowAtOrAboveHighIsRefusedNamingTheKey() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new IntensityOptions(IntensityMode.PERCENTILE, 50, 40, null));
        assertTrue(e.getMessage().startsWith("percentile_high"), e.getMessage());
    }

    @Test
    void unknownModeIsRefusedNamingTheKeyAndTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> IntensityMode.parse("log"));
        assertEquals(
                "intensity 'log' is not valid: give auto, type, data or percentile",
                e.getMessage());
    }
}
