package sc.fiji.stylegan2.plugin.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import java.util.List;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.Test;

class ImageJ1StacksTest {

    static float[] ramp(int size) {
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = i;
        }
        return data;
    }

    @Test
    void oneChannelBecomesAPlainFloatStackWithLabels() {
        LabeledFloatImg img =
                LabeledFloatImg.of(ramp(4 * 3 * 2), 4, 3, 1, List.of("seed=0", "seed=1"));
        ImagePlus imp = ImageJ1Stacks.toImagePlus("t", img);
        assertEquals(32, imp.getBitDepth());
        assertEquals(2, imp.getStackSize());
        assertEquals(1, imp.getNChannels());
        assertEquals("seed=1", imp.getStack().getSliceLabel(2));
        assertArrayEquals(ramp(24), concat(imp), 0f);
    }

    @Test
    void editingTheStackLeavesTheGeneratedImagesUnchanged() {
        LabeledFloatImg img = LabeledFloatImg.of(ramp(2 * 2 * 3), 2, 2, 3, List.of("seed=0"));
        ImagePlus imp = ImageJ1Stacks.toImagePlus("t", img);
        imp.getStack().getProcessor(2).setf(0, 0, -1);
        // exact: the generated values are never computed on, only copied into the stack
        assertArrayEquals(ramp(12), img.data(), 0f);
    }

    @Test
    void severalChannelsBecomeChannelsByFramesChannelFastest() {
        int w = 2, h = 2, c = 3, n = 2;
        LabeledFloatImg img =
                LabeledFloatImg.of(ramp(w * h * c * n), w, h, c, List.of("seed=5", "seed=6"));
        ImagePlus imp = ImageJ1Stacks.toImagePlus("rgb", img);
        assertEquals(c, imp.getNChannels());
        assertEquals(1, imp.getNSlices());
        assertEquals(n, imp.getNFrames());
        assertTrue(imp instanceof CompositeImage);
        // slice 5 = image 1 (seed=6), channel 1 (0-based): NCHW offset (1*3+1)*4
        assertEquals("seed=6", imp.getStack().getSliceLabel(5));
        assertEquals((1 * c + 1) * w * h, imp.getStack().getProcessor(5).getf(0, 0), 0f);
        assertArrayEquals(ramp(w * h * c * n), concat(imp), 0f);
    }

    @Test
    void plainImgWithoutLabelsIsConvertedByItsDims() {
        ImagePlus imp =
                ImageJ1Stacks.toImagePlus("x", ArrayImgs.floats(ramp(2 * 2 * 3), 2, 2, 3), null);
        assertEquals(3, imp.getStackSize());
        assertEquals(null, imp.getStack().getSliceLabel(1));
        assertEquals(8f, imp.getStack().getProcessor(3).getf(0, 0), 0f);
    }

    @Test
    void displayRangeSpansTheData() {
        ImagePlus imp =
                ImageJ1Stacks.toImagePlus(
                        "x", LabeledFloatImg.of(ramp(8), 2, 2, 1, List.of("a", "b")));
        assertEquals(0, imp.getDisplayRangeMin(), 0);
        assertEquals(7, imp.getDisplayRangeMax(), 0);
    }

    @Test
    void labelCountMustMatchImageCount() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageJ1Stacks.toImagePlus("x", ArrayImgs.floats(2, 2, 3), List.of("a")));
    }

    @Test
    void twoDimensionalImagesAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageJ1Stacks.toImagePlus("x", ArrayImgs.floats(2, 2), null));
    }

    /** All slices' pixels, slice after slice. */
    static float[] concat(ImagePlus imp) {
        int plane = imp.getWidth() * imp.getHeight();
        float[] all = new float[plane * imp.getStackSize()];
        for (int s = 1; s <= imp.getStackSize(); s++) {
            System.arraycopy((float[]) imp.getStack().getPixels(s), 0, all, (s - 1) * plane, plane);
        }
        return all;
    }

    @Test
    void hyperstackRoundTripKeepsPixelsChannelsAndLabels() {
        LabeledFloatImg img =
                LabeledFloatImg.of(ramp(2 * 2 * 3 * 2), 2, 2, 3, List.of("seed=5", "seed=6"));
        LabeledFloatImg back = ImageJ1Stacks.toLabeledImg(ImageJ1Stacks.toImagePlus("t", img));
        assertArrayEquals(img.dimensionsAsLongArray(), back.dimensionsAsLongArray());
        assertEquals(img.labels(), back.labels());
        assertArrayEquals(img.data(), back.data(), 0f);
    }

    @Test
    void rgbImageBecomesThreeChannelsAndUnlabelledSlicesAreNumbered() {
        ij.process.ColorProcessor cp = new ij.process.ColorProcessor(2, 1);
        cp.set(0, 0, 0x102030);
        cp.set(1, 0, 0xff0001);
        LabeledFloatImg img = ImageJ1Stacks.toLabeledImg(new ImagePlus("rgb", cp));
        assertEquals(3, img.channels());
        assertEquals(List.of("slice=1"), img.labels());
        assertArrayEquals(new float[] {0x10, 0xff, 0x20, 0, 0x30, 1}, img.data(), 0f);
    }
}
