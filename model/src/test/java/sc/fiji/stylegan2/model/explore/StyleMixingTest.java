package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.latent.Latents;

class StyleMixingTest {

    /**
     * ws of {@code n} images, 3 layers of w_dim 2, every value {@code base + 10 * image + layer}.
     */
    static float[] ws(int n, float base) {
        float[] ws = new float[n * 3 * 2];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < 3; l++) {
                ws[(i * 3 + l) * 2] = ws[(i * 3 + l) * 2 + 1] = base + 10 * i + l;
            }
        }
        return ws;
    }

    @Test
    void cellTakesTheColumnStylesAndKeepsTheRowsOtherStyles() {
        float[] mixed = StyleMixing.mix(ws(2, 100), ws(3, 200), new int[] {1, 2}, 3, 2);
        assertEquals(2 * 3 * 3 * 2, mixed.length);
        // cell (row 1, col 2): layer 0 from row 1 (110), layers 1, 2 from col 2 (221, 222)
        int cell = (1 * 3 + 2) * 6;
        assertArrayEquals(
                new float[] {110, 110, 221, 221, 222, 222},
                java.util.Arrays.copyOfRange(mixed, cell, cell + 6));
    }

    @Test
    void cellsOfLatentsKeepTheirRowsNoiseMaps() {
        // rows: 2 images with 1x1 noise maps 0.5 and -0.5; columns: 3 images whose maps must not be
        // used
        Latents rows =
                new Latents(
                        2,
                        3,
                        2,
                        ws(2, 100),
                        Map.of("synthesis.b4.conv1", new float[] {0.5f, -0.5f}));
        Latents cols =
                new Latents(
                        3, 3, 2, ws(3, 200), Map.of("synthesis.b4.conv1", new float[] {7, 8, 9}));
        Latents cells = StyleMixing.mix(rows, cols, new int[] {1, 2});
        assertEquals(6, cells.count());
        assertArrayEquals(
                StyleMixing.mix(ws(2, 100), ws(3, 200), new int[] {1, 2}, 3, 2), cells.ws(), 0f);
        assertArrayEquals(
                new float[] {0.5f, 0.5f, 0.5f, -0.5f, -0.5f, -0.5f},
                cells.noise().get("synthesis.b4.conv1"),
                0f);
        assertFalse(
                StyleMixing.mix(new Latents(2, 3, 2, ws(2, 100)), cols, new int[] {0}).hasNoise(),
                "rows without maps give cells without maps");
    }

    @Test
    void gridPutsColumnSeedsOnTopRowSeedsLeftAndCellsInBetween() {
        // 1x1 pixel images, 1 channel: rows 1, 2; cols 7, 8, 9; cells 10 * row + col
        GeneratedImages rows = images(1, 2);
        GeneratedImages cols = images(7, 8, 9);
        GeneratedImages cells = images(17, 18, 19, 27, 28, 29);
        GeneratedImages grid = MixingGrid.compose(rows, cols, cells, -1, "grid");
        assertEquals(4, grid.width());
        assertEquals(3, grid.height());
        assertArrayEquals(new float[] {-1, 7, 8, 9, 1, 17, 18, 19, 2, 27, 28, 29}, grid.data());
        assertEquals(List.of("grid"), grid.labels());
    }

    @Test
    void gridKeepsChannelsApart() {
        GeneratedImages two = new GeneratedImages(new float[] {1, 2}, 1, 2, 1, 1, List.of("a"));
        GeneratedImages grid = MixingGrid.compose(two, two, two, 0, "g");
        // channel 0 plane then channel 1 plane, each 2x2: corner, col, row, cell
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 2, 2, 2}, grid.data());
    }

    private static GeneratedImages images(float... values) {
        List<String> labels = new java.util.ArrayList<>();
        for (float v : values) {
            labels.add("v" + v);
        }
        return new GeneratedImages(values.clone(), values.length, 1, 1, 1, labels);
    }
}
