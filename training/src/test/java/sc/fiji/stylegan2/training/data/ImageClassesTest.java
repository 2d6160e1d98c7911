package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.training.bench.BlobData;

/** Class labels of training images: by name, by number, from CSV and IDX files. */
class ImageClassesTest {

    @TempDir Path tmp;

    @Test
    void namesAreSortedSoTheIndicesDoNotDependOnTheImageOrder() {
        ImageClasses c = ImageClasses.ofNames(List.of("wt", "ko", "wt", "mock"));
        assertEquals(List.of("ko", "mock", "wt"), c.names());
        assertArrayEquals(new int[] {2, 0, 2, 1}, c.labels());
    }

    @Test
    void numbersNameTheirClasses() {
        ImageClasses c = ImageClasses.ofIndices(new int[] {1, 0, 2, 1});
        assertEquals(List.of("0", "1", "2"), c.names());
        assertEquals(2, c.of(2));
    }

    @Test
    void oneClassOnlyIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageClasses.ofNames(List.of("wt", "wt")));
        assertTrue(e.getMessage().startsWith("conditions: one class only (wt)"), e.getMessage());
    }

    @Test
    void aClassWithoutImagesIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ImageClasses.ofIndices(new int[] {0, 2, 2}));
        assertEquals("conditions: class '1' has no images", e.getMessage());
    }

    @Test
    void labelsMustCountTheImages() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ConditionalData(
                                        new BlobData(3, 1, 8, 1),
                                        ImageClasses.ofIndices(new int[] {0, 1})));
        assertEquals("conditions: 2 labels for 3 images; give one label per image", e.getMessage());
    }

    @Test
    void csvRowsGiveEachFileItsLabel() throws IOException {
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, "file,label\n# a comment\n\"a.tif\", wt\n\nb.tif;ko\n");
        assertEquals(Map.of("a.tif", "wt", "b.tif", "ko"), ClassLabelFiles.readCsv(csv));
    }

    @Test
    void csvLineWithoutTwoColumnsIsNamed() throws IOException {
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, "a.tif,wt\nb.tif\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassLabelFiles.readCsv(csv));
        assertEquals(
                "conditions: labels.csv line 2: expected two columns file,label, got 'b.tif'",
                e.getMessage());
    }

    @Test
    void missingCsvIsNamed() {
        Path csv = tmp.resolve("none.csv");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassLabelFiles.readCsv(csv));
        assertEquals("conditions: " + csv + " does not exist", e.getMessage());
    }

    @Test
    void idxLabelFileGivesOneClassPerImage() throws IOException {
        Path idx = tmp.resolve("labels-idx1-ubyte.gz");
        try (OutputStream out = Files.newOutputStream(idx)) {
            new IdxFile(new int[] {4}, new byte[] {3, 0, 9, (byte) 200}).writeGzip(out);
        }
        assertArrayEquals(new int[] {3, 0, 9, 200}, ClassLabelFiles.readIdx(idx));
    }

    @Test
    void idxImageFileIsNotALabelFile() throws IOException {
        Path idx = tmp.resolve("images-idx3-ubyte.gz");
        try (OutputStream out = Files.newOutputStream(idx)) {
            new IdxFile(new int[] {1, 2, 2}, new byte[4]).writeGzip(out);
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClassLabelFiles.readIdx(idx));
        assertEquals(
                "conditions: images-idx3-ubyte.gz holds an array of shape [1, 2, 2], not labels [n]"
                        + " (an idx1 file)",
                e.getMessage());
    }
}
