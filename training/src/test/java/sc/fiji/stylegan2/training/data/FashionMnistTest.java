package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;

class FashionMnistTest {

    @Test
    void idxRoundTripsThroughGzip() throws IOException {
        IdxFile f =
                new IdxFile(
                        new int[] {2, 2, 3},
                        new byte[] {0, 1, 2, 3, 4, 5, (byte) 250, 7, 8, 9, 10, (byte) 255});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.writeGzip(out);
        IdxFile back = IdxFile.read(new ByteArrayInputStream(out.toByteArray()), "round trip");
        assertArrayEquals(f.dims(), back.dims());
        assertArrayEquals(f.data(), back.data());
        assertEquals(255, back.value(11));
    }

    @Test
    void idxReadsUncompressedFilesToo() throws IOException {
        byte[] raw = {0, 0, 8, 1, 0, 0, 0, 3, 5, 6, 7};
        IdxFile f = IdxFile.read(new ByteArrayInputStream(raw), "labels");
        assertArrayEquals(new int[] {3}, f.dims());
        assertEquals(7, f.value(2));
    }

    @Test
    void idxRejectsOtherFilesAndTruncation() {
        var e =
                assertThrows(
                        IOException.class,
                        () ->
                                IdxFile.read(
                                        new ByteArrayInputStream("hello world".getBytes()),
                                        "notes.txt"));
        assertTrue(e.getMessage().contains("notes.txt is not an IDX file"), e.getMessage());
        byte[] truncated = {0, 0, 8, 1, 0, 0, 0, 9, 5};
        var t =
                assertThrows(
                        IOException.class,
                        () -> IdxFile.read(new ByteArrayInputStream(truncated), "short"));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
    }

    @Test
    void debianTestSplitHasTenThousandBalancedImages() throws IOException {
        assumeTrue(FashionMnist.debianInstalled(), "dataset-fashion-mnist is not installed");
        FashionMnist test = FashionMnist.debian(FashionMnist.Split.TEST);
        assertEquals(10_000, test.size());
        assertEquals(28, test.rows());
        assertEquals(28, test.cols());
        int[] perClass = new int[10];
        for (int i = 0; i < test.size(); i++) {
            perClass[test.label(i)]++;
        }
        for (int c : perClass) {
            assertEquals(1000, c);
        }
        assertEquals(9, test.label(0)); // the first test image is an ankle boot
    }

    @Test
    void debianTrainingSplitHasSixtyThousandImages() throws IOException {
        assumeTrue(FashionMnist.debianInstalled(), "dataset-fashion-mnist is not installed");
        assertEquals(60_000, FashionMnist.debian(FashionMnist.Split.TRAIN).size());
    }

    @Test
    void paddingTo32SurroundsEachImageWithTwoPixelsOfBackground() throws IOException {
        FashionMnist set = FashionMnist.embedded().first(3);
        ImageStackData d = set.toTrainingData(true);
        assertEquals(32, d.resolution());
        assertEquals(new IntensityMapping(127.5, 127.5), d.intensity());
        float[] img = new float[32 * 32];
        d.copyImage(2, img, 0);
        float[] src = set.pixels(2);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean inside = x >= 2 && x < 30 && y >= 2 && y < 30;
                float expected = inside ? src[(y - 2) * 28 + x - 2] / 127.5f - 1 : -1f;
                assertEquals(expected, img[y * 32 + x], 1e-6);
            }
        }
    }

    @Test
    void withoutPaddingImagesAreResizedTo32() throws IOException {
        ImageStackData d = FashionMnist.embedded().first(2).toTrainingData(false);
        assertEquals(32, d.resolution());
        assertEquals(2, d.size());
    }

    @Test
    void classFilterKeepsOnlyTheRequestedClasses() throws IOException {
        FashionMnist bags = FashionMnist.embedded().withClasses(8, 9);
        assertEquals(1000, bags.size());
        for (int i = 0; i < bags.size(); i++) {
            assertTrue(bags.label(i) == 8 || bags.label(i) == 9);
        }
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.embedded().withClasses(10));
    }

    @Test
    void embeddedSubsetIsTheFirst500OfEachTrainingClass() throws IOException {
        FashionMnist embedded = FashionMnist.embedded();
        assertEquals(5000, embedded.size());
        assumeTrue(FashionMnist.debianInstalled(), "dataset-fashion-mnist is not installed");
        FashionMnist expected =
                EmbeddedSubsetWriter.balancedSubset(
                        FashionMnist.debian(FashionMnist.Split.TRAIN), 500);
        assertArrayEquals(expected.imageArray().data(), embedded.imageArray().data());
        assertArrayEquals(expected.labelArray().data(), embedded.labelArray().data());
    }
}
