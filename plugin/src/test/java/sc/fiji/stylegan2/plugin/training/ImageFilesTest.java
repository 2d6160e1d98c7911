package sc.fiji.stylegan2.plugin.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.ImageStackData;
import sc.fiji.stylegan2.training.data.SourceStack;

class ImageFilesTest {

    @TempDir Path dir;

    private static ByteProcessor bytes(int w, int h, int base) {
        ByteProcessor bp = new ByteProcessor(w, h);
        for (int k = 0; k < w * h; k++) {
            bp.set(k, base + k);
        }
        return bp;
    }

    @Test
    void sixteenBitTiffStackGivesOneImagePerSlice() throws IOException {
        ImageStack stack = new ImageStack(5, 4);
        for (int s = 0; s < 3; s++) {
            ShortProcessor sp = new ShortProcessor(5, 4);
            for (int k = 0; k < 20; k++) {
                sp.set(k, 1000 * s + 40000 * (k % 2));
            }
            stack.addSlice(sp);
        }
        Path file = dir.resolve("cells.tif");
        IJ.saveAsTiff(new ImagePlus("cells", stack), file.toString());
        SourceStack read = ImageFiles.read(file);
        assertEquals(BitDepth.BITS_16, read.bitDepth());
        assertEquals(3, read.images().size());
        assertEquals(1, read.images().get(2).channels());
        assertEquals(4, read.images().get(2).height());
        assertEquals(2000, read.images().get(2).pixels()[0]);
        assertEquals(42000, read.images().get(2).pixels()[1]);
        assertTrue(read.images().get(1).name().endsWith("slice 2"), read.images().get(1).name());
    }

    @Test
    void rgbPngGivesThreeChannels() throws IOException {
        ColorProcessor cp = new ColorProcessor(4, 4);
        for (int k = 0; k < 16; k++) {
            cp.set(k, (10 + k) << 16 | (100 + k) << 8 | (200 + k));
        }
        Path file = dir.resolve("rgb.png");
        new FileSaver(new ImagePlus("rgb", cp)).saveAsPng(file.toString());
        SourceStack read = ImageFiles.read(file);
        assertEquals(BitDepth.BITS_8, read.bitDepth());
        float[] p = read.images().get(0).pixels();
        assertEquals(3, read.images().get(0).channels());
        assertEquals(15, p[5]); // red of pixel 5
        assertEquals(105, p[16 + 5]); // green
        assertEquals(205, p[32 + 5]); // blue
    }

    @Test
    void folderIsReadInNameOrderSkippingOtherFiles() throws IOException {
        new FileSaver(new ImagePlus("b", bytes(6, 6, 50)))
                .saveAsPng(dir.resolve("b.png").toString());
        new FileSaver(new ImagePlus("a", bytes(6, 6, 0)))
                .saveAsPng(dir.resolve("a.png").toString());
        new FileSaver(new ImagePlus("c", bytes(6, 6, 9)))
                .saveAsJpeg(dir.resolve("c.jpg").toString());
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        SourceStack read = ImageFiles.read(dir);
        assertEquals(3, read.images().size());
        assertEquals(0, read.images().get(0).pixels()[0]);
        assertEquals(50, read.images().get(1).pixels()[0]);
        assertEquals(BitDepth.BITS_8, read.bitDepth());
        assertEquals(3, ImageStackData.builder().setResolution(4).build(read).size());
    }

    @Test
    void floatTiffKeepsItsValuesAndUsesTheDataRange() throws IOException {
        FloatProcessor fp =
                new FloatProcessor(3, 3, new float[] {-1.5f, 0, 2, 3, 4, 5, 6, 7, 1e6f});
        ImageStack stack = new ImageStack(3, 3);
        stack.addSlice(fp);
        stack.addSlice(fp.duplicate());
        Path file = dir.resolve("float.tif");
        IJ.saveAsTiff(new ImagePlus("float", stack), file.toString());
        SourceStack read = ImageFiles.read(file);
        assertEquals(BitDepth.FLOAT, read.bitDepth());
        assertArrayEquals(
                new float[] {-1.5f, 0, 2, 3, 4, 5, 6, 7, 1e6f}, read.images().get(1).pixels());
    }

    @Test
    void hyperstackChannelsBecomeImageChannelsAndFramesImages() {
        ImageStack stack = new ImageStack(4, 4);
        for (int t = 0; t < 3; t++) {
            for (int c = 0; c < 2; c++) {
                stack.addSlice(bytes(4, 4, 100 * c + 10 * t));
            }
        }
        ImagePlus imp = new ImagePlus("hyper", stack);
        imp.setDimensions(2, 1, 3);
        SourceStack read = ImageFiles.fromImagePlus(imp);
        assertEquals(3, read.images().size());
        assertEquals(2, read.images().get(0).channels());
        assertEquals(120, read.images().get(2).pixels()[16]); // frame 3, channel 2, pixel 0
        assertTrue(read.images().get(2).name().endsWith("frame 3"));
    }

    @Test
    void differentlySizedFilesAreNamedInTheTrainingError() throws IOException {
        new FileSaver(new ImagePlus("a", bytes(6, 6, 0)))
                .saveAsPng(dir.resolve("a.png").toString());
        new FileSaver(new ImagePlus("b", bytes(8, 6, 0)))
                .saveAsPng(dir.resolve("b.png").toString());
        SourceStack read = ImageFiles.read(dir);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageStackData.builder().setResolution(4).build(read));
        assertTrue(e.getMessage().contains("image 2 (b.png) is 8 x 6 px"), e.getMessage());
    }

    @Test
    void missingPathAndEmptyFolderGiveClearErrors() throws IOException {
        assertThrows(NoSuchFileException.class, () -> ImageFiles.read(dir.resolve("nothing")));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        var e = assertThrows(IOException.class, () -> ImageFiles.read(empty));
        assertTrue(e.getMessage().contains("holds no images"), e.getMessage());
        Path text = Files.writeString(dir.resolve("fake.tif"), "not a tiff");
        var f = assertThrows(IOException.class, () -> ImageFiles.read(text));
        assertTrue(f.getMessage().contains("cannot open"), f.getMessage());
    }
}
