package sc.fiji.stylegan2.plugin.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

class GridMontageTest {

    /**
     * {@code count} images of {@code channels} x {@code size} x {@code size}, each pixel 100 n + 10
     * c + 1.
     */
    static GeneratedImages constantImages(int count, int channels, int size) {
        float[] data = new float[count * channels * size * size];
        List<String> labels = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(
                        data,
                        (n * channels + c) * size * size,
                        (n * channels + c + 1) * size * size,
                        100 * n + 10 * c + 1);
            }
            labels.add("seed=" + n);
        }
        return new GeneratedImages(data, count, channels, size, size, labels);
    }

    @Test
    void layoutIsTheSmallestSquareOfColumnsAndAsManyRowsAsNeeded() {
        assertEquals(
                List.of(1, 1),
                List.of(GridMontage.of(1, 8, 8).columns(), GridMontage.of(1, 8, 8).rows()));
        GridMontage m32 = GridMontage.of(32, 8, 8);
        assertEquals(6, m32.columns());
        assertEquals(6, m32.rows());
        GridMontage m5 = GridMontage.of(5, 16, 16);
        assertEquals(3, m5.columns());
        assertEquals(2, m5.rows());
        assertEquals(48, m5.width());
        assertEquals(32, m5.height());
    }

    @Test
    void imagesFillTheRowsInSeedOrderAndEmptyCellsHoldTheFill() {
        GridMontage m = GridMontage.of(5, 2, 2); // 3 x 2 cells of 2 x 2
        float[][] planes = m.compose(constantImages(5, 1, 2), -7);
        float[] expected = {
            1, 1, 101, 101, 201, 201,
            1, 1, 101, 101, 201, 201,
            301, 301, 401, 401, -7, -7,
            301, 301, 401, 401, -7, -7
        };
        assertEquals(1, planes.length);
        assertArrayEquals(expected, planes[0], 0f);
    }

    @Test
    void eachChannelIsItsOwnPlane() {
        float[][] planes = GridMontage.of(2, 1, 1).compose(constantImages(2, 3, 1), 0);
        assertArrayEquals(new float[] {1, 101}, planes[0], 0f);
        assertArrayEquals(new float[] {21, 121}, planes[2], 0f);
    }

    @Test
    void largeGridsShrinkByPowersOfTwoToFitTheMaximumSide() {
        GridMontage m = GridMontage.of(32, 1024, 1024); // 6 x 6 tiles of 1024 would be 6144 px
        assertEquals(
                6 * 128, m.width(), "1024 / 8 = 128 px tiles, the first power of two that fits");
        assertEquals(6 * 128, m.height());
        GridMontage small = GridMontage.of(32, 128, 128); // 768 px: fits as it is
        assertEquals(768, small.width());
    }

    @Test
    void shrinkingAveragesEachTile() {
        float[] data = new float[1024 * 1024 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i / 1024 % 2 == 0) ? 0 : 2; // rows alternate 0 and 2
        }
        GeneratedImages two =
                new GeneratedImages(data, 2, 1, 1024, 1024, List.of("seed=0", "seed=1"));
        GridMontage m = GridMontage.of(2, 1024, 1024); // 2 columns, tiles of 512
        float[] plane = m.compose(two, 0)[0];
        assertEquals(1024, m.width());
        assertEquals(512, m.height());
        for (float v : plane) {
            assertEquals(1f, v, 1e-6f);
        }
    }

    @Test
    void composingAnotherCountIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> GridMontage.of(4, 2, 2).compose(constantImages(3, 1, 2), 0));
    }
}
