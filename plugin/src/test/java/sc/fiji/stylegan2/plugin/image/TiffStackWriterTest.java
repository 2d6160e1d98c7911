package sc.fiji.stylegan2.plugin.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffStackWriterTest {

    @TempDir Path tmp;

    @Test
    void floatStackRoundTripKeepsValuesLabelsAndBitDepth() throws IOException {
        float[] data = ImageJ1StacksTest.ramp(5 * 4 * 3);
        data[7] = -1.25f;
        data[50] = 1e-7f;
        ImagePlus written =
                ImageJ1Stacks.toImagePlus(
                        "gen",
                        LabeledFloatImg.of(data, 5, 4, 1, List.of("seed=0", "seed=1", "seed=2")));
        Path file = tmp.resolve("out.tif");

        TiffStackWriter.save(written, file);

        ImagePlus read = IJ.openImage(file.toString());
        assertEquals(32, read.getBitDepth());
        assertEquals(3, read.getStackSize());
        assertEquals(5, read.getWidth());
        assertEquals(4, read.getHeight());
        assertEquals(
                List.of("seed=0", "seed=1", "seed=2"),
                List.of(
                        read.getStack().getSliceLabel(1),
                        read.getStack().getSliceLabel(2),
                        read.getStack().getSliceLabel(3)));
        assertArrayEquals(data, ImageJ1StacksTest.concat(read), 0f);
        assertEquals("gen", written.getTitle());
    }

    @Test
    void channelStackRoundTripKeepsHyperstackDimensions() throws IOException {
        float[] data = ImageJ1StacksTest.ramp(3 * 3 * 3 * 2);
        ImagePlus written =
                ImageJ1Stacks.toImagePlus(
                        "rgb", LabeledFloatImg.of(data, 3, 3, 3, List.of("a", "b")));
        Path file = tmp.resolve("rgb.tif");

        TiffStackWriter.save(written, file);

        ImagePlus read = IJ.openImage(file.toString());
        assertEquals(3, read.getNChannels());
        assertEquals(2, read.getNFrames());
        assertEquals("b", read.getStack().getSliceLabel(6));
        assertArrayEquals(data, ImageJ1StacksTest.concat(read), 0f);
    }

    @Test
    void singleImageRoundTripKeepsItsLabel() throws IOException {
        ImagePlus written =
                ImageJ1Stacks.toImagePlus(
                        "one", LabeledFloatImg.of(new float[4], 2, 2, 1, List.of("seed=9")));
        Path file = tmp.resolve("one.tif");
        TiffStackWriter.save(written, file);
        ImagePlus read = IJ.openImage(file.toString());
        assertEquals(32, read.getBitDepth());
        assertEquals("seed=9", read.getStack().getSliceLabel(1));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("out.tif");
        Files.writeString(file, "old");
        TiffStackWriter.save(
                ImageJ1Stacks.toImagePlus(
                        "x", LabeledFloatImg.of(new float[8], 2, 2, 1, List.of("a", "b"))),
                file);
        assertEquals(2, IJ.openImage(file.toString()).getStackSize());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void missingFolderFailsWithoutWritingAnything() {
        Path file = tmp.resolve("missing/out.tif");
        ImagePlus imp =
                ImageJ1Stacks.toImagePlus(
                        "x", LabeledFloatImg.of(new float[4], 2, 2, 1, List.of("a")));
        assertThrows(IOException.class, () -> TiffStackWriter.save(imp, file));
        assertFalse(Files.exists(file.getParent()));
    }
}
