package sc.fiji.stylegan2.plugin.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

class LabeledFloatImgTest {

    @Test
    void oneChannelHasDimsWidthHeightCount() {
        LabeledFloatImg img =
                LabeledFloatImg.of(new float[4 * 3 * 2], 4, 3, 1, List.of("seed=0", "seed=1"));
        assertArrayEquals(new long[] {4, 3, 2}, img.dimensionsAsLongArray());
        assertEquals(1, img.channels());
        assertEquals(2, img.imageCount());
    }

    @Test
    void severalChannelsHaveDimsWidthHeightChannelsCount() {
        LabeledFloatImg img =
                LabeledFloatImg.of(new float[4 * 3 * 3 * 2], 4, 3, 3, List.of("a", "b"));
        assertArrayEquals(new long[] {4, 3, 3, 2}, img.dimensionsAsLongArray());
    }

    @Test
    void pixelAtXYCNIsTheNchwArrayEntry() {
        int w = 4, h = 3, c = 2, n = 2;
        float[] data = new float[w * h * c * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        LabeledFloatImg img = LabeledFloatImg.of(data, w, h, c, List.of("a", "b"));
        RandomAccess<FloatType> ra = img.randomAccess();
        ra.setPosition(new long[] {3, 1, 1, 1}); // x=3, y=1, c=1, n=1
        assertEquals(((1 * c + 1) * h + 1) * w + 3, ra.get().get());
    }

    @Test
    void wrapsGeneratedImagesWithoutCopying() {
        float[] data = new float[2 * 2 * 2];
        LabeledFloatImg img =
                LabeledFloatImg.wrap(
                        new GeneratedImages(data, 2, 1, 2, 2, List.of("seed=3", "seed=4")));
        data[5] = 42;
        assertSame(data, img.data());
        assertEquals(42, img.randomAccess().setPositionAndGet(1, 0, 1).get());
        assertEquals(List.of("seed=3", "seed=4"), img.labels());
    }

    @Test
    void mismatchedArrayLengthIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> LabeledFloatImg.of(new float[5], 2, 2, 1, List.of("a")));
    }
}
