package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.loop.BatchSampler;

class TileDataTest {

    private static final int W = 200, H = 120;

    /**
     * A float image whose pixel (x, y) of channel c holds the unique code {@code c·10⁶ + 1000·y +
     * x}.
     */
    private static SourceImage coded(String name) {
        float[] p = new float[2 * H * W];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    p[(c * H + y) * W + x] = c * 1_000_000 + 1000 * y + x;
                }
            }
        }
        return new SourceImage(name, 2, H, W, p);
    }

    private static TileData tiles(
            int resolution, double scale, List<SourceImage> labels, double minForeground) {
        SourceStack stack = new SourceStack(List.of(coded("a"), coded("b")), BitDepth.FLOAT);
        DataOptions o =
                new DataOptions(
                        new IntensityOptions(IntensityMode.DATA, 0.1, 99.9, false),
                        new SamplingOptions(SamplingMode.TILES, scale, minForeground));
        return (TileData) DataPreparation.prepare(stack, labels, resolution, o);
    }

    /** Sample {@code index} of draw {@code draw} in the source's codes. */
    private static float[] inUnits(TileData d, int index, long draw) {
        float[] out = new float[d.channels() * d.resolution() * d.resolution()];
        d.copySample(index, draw, out, 0);
        d.intensity().apply(out, d.resolution() * d.resolution());
        return out;
    }

    @Test
    void tilesLieInsideTheImageAndHaveTheResolutionSize() {
        TileData d = tiles(16, 1, null, 0);
        for (long draw = 0; draw < 200; draw++) {
            int[] at = d.position(1, draw);
            assertTrue(
                    at[0] >= 0 && at[0] + 16 <= W && at[1] >= 0 && at[1] + 16 <= H,
                    Arrays.toString(at));
            float[] t = inUnits(d, d.size() - 1, draw);
            assertEquals(2 * 16 * 16, t.length);
            // At scale 1 a tile is a copy: its top-left pixel is the code of its position, channel
            // 2 likewise.
            assertEquals(1000 * at[1] + at[0], t[0], 0.5);
            assertEquals(1_000_000 + 1000 * (at[1] + 15) + at[0] + 15, t[2 * 256 - 1], 0.5);
        }
    }

    @Test
    void scaleTwoCropsTwiceTheSideAndShrinksIt() {
        TileData d = tiles(16, 2, null, 0);
        assertEquals(32, d.side());
        int[] at = d.position(0, 7);
        float[] t = inUnits(d, 0, 7);
        // Area averaging of 2 x 2 pixels: the mean of the codes of (x, y), (x+1, y), (x, y+1),
        // (x+1, y+1).
        assertEquals(1000 * (at[1] + 0.5) + at[0] + 0.5, t[0], 0.5);
    }

    @Test
    void everyDrawIsAFreshTile() {
        TileData d = tiles(16, 1, null, 0);
        assertFalse(Arrays.equals(d.position(0, 1), d.position(0, 2)));
    }

    @Test
    void aResumedSamplerWithTheSameSeedDrawsTheSameTiles() {
        TileData d = tiles(16, 1, null, 0);
        BatchSampler run = new BatchSampler(d, 42, true);
        run.batch(0, 8); // the first minibatches of the uninterrupted run
        float[] uninterrupted = run.batch(8, 8);
        float[] resumed =
                new BatchSampler(d, 42, true).batch(8, 8); // a new sampler, as after a resume
        assertArrayEquals(uninterrupted, resumed, 0f);
        assertFalse(
                Arrays.equals(uninterrupted, new BatchSampler(d, 43, true).batch(8, 8)),
                "another seed");
    }

    @Test
    void theDataSetSizeIsTheNumberOfNonOverlappingTiles() {
        TileData d = tiles(16, 1, null, 0);
        assertEquals(2 * (W / 16) * (H / 16), d.size());
        assertEquals(2L * (W - 15) * (H - 15), d.distinctTiles());
        assertTrue(d.description().contains("distinct positions"), d.description());
    }

    @Test
    void tilesWithTooLittleForegroundAreRedrawn() {
        // Foreground only in the right quarter of the image.
        float[] mask = new float[H * W];
        for (int y = 0; y < H; y++) {
            Arrays.fill(mask, y * W + 150, y * W + W, 1);
        }
        TileData d = tiles(16, 1, List.of(new SourceImage("mask", 1, H, W, mask)), 0.5);
        for (long draw = 0; draw < 100; draw++) {
            int[] at = d.position(0, draw);
            assertTrue(d.foregroundFraction(0, at[0], at[1]) >= 0.5, Arrays.toString(at));
        }
    }

    @Test
    void tilesLargerThanTheImagesAreRefusedNamingScale() {
        var e = assertThrows(IllegalArgumentException.class, () -> tiles(128, 1, null, 0));
        assertTrue(e.getMessage().contains("lower scale or resolution"), e.getMessage());
    }
}
