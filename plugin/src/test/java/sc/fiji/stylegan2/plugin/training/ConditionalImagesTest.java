package sc.fiji.stylegan2.plugin.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.training.data.IdxFile;

/**
 * The four label sources of Train StyleGAN2's {@code conditions}: each image gets the class its
 * source gives it, identified by its pixel value (image i is filled with the value 10 i).
 */
class ConditionalImagesTest {

    @TempDir Path tmp;

    /** An 8 x 8 image filled with {@code value}. */
    private static ByteProcessor filled(int value) {
        ByteProcessor p = new ByteProcessor(8, 8);
        p.setValue(value);
        p.fill();
        return p;
    }

    private static Path save(Path file, ImageStack stack) {
        ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
        boolean ok =
                stack.getSize() == 1
                        ? new FileSaver(imp).saveAsTiff(file.toString())
                        : new FileSaver(imp).saveAsTiffStack(file.toString());
        if (!ok) {
            throw new IllegalStateException("could not write " + file);
        }
        return file;
    }

    private static Path image(Path file, int value) {
        ImageStack s = new ImageStack(8, 8);
        s.addSlice(filled(value));
        return save(file, s);
    }

    /** The pixel value of each image read, in order. */
    private static int[] values(ConditionalImages read) {
        return read.stack().images().stream().mapToInt(im -> (int) im.pixels()[0]).toArray();
    }

    @Test
    void foldersNameTheClassesOfTheirImages() throws IOException {
        Files.createDirectories(tmp.resolve("wt"));
        Files.createDirectories(tmp.resolve("ko"));
        image(tmp.resolve("wt/a.tif"), 10);
        image(tmp.resolve("wt/b.tif"), 20);
        image(tmp.resolve("ko/c.tif"), 30);
        ConditionalImages read = ConditionalImages.read(tmp, "folders");
        assertEquals(List.of("ko", "wt"), read.classes().names());
        assertArrayEquals(new int[] {30, 10, 20}, values(read));
        assertArrayEquals(new int[] {0, 1, 1}, read.classes().labels());
    }

    @Test
    void sliceLabelsNameTheClassesOfTheirSlices() throws IOException {
        ImageStack s = new ImageStack(8, 8);
        String[] labels = {"treated", "control", "treated\nmore text"};
        for (int i = 0; i < labels.length; i++) {
            s.addSlice(labels[i], filled(10 * (i + 1)));
        }
        Path tif = save(tmp.resolve("stack.tif"), s);
        ConditionalImages read = ConditionalImages.read(tif, "slice_labels");
        assertEquals(List.of("control", "treated"), read.classes().names());
        assertArrayEquals(new int[] {10, 20, 30}, values(read));
        assertArrayEquals(new int[] {1, 0, 1}, read.classes().labels());
    }

    @Test
    void csvRowsLabelTheirFilesAndUnlistedFilesAreLeftOut() throws IOException {
        image(tmp.resolve("a.tif"), 10);
        image(tmp.resolve("b.tif"), 20);
        image(tmp.resolve("c.tif"), 30);
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, "file,label\nc.tif,x\na.tif,y\n");
        ConditionalImages read = ConditionalImages.read(tmp, csv.toString());
        assertEquals(List.of("x", "y"), read.classes().names());
        assertArrayEquals(new int[] {30, 10}, values(read));
        assertArrayEquals(new int[] {0, 1}, read.classes().labels());
    }

    @Test
    void csvListingAMissingFileIsNamed() throws IOException {
        image(tmp.resolve("a.tif"), 10);
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, "a.tif,x\nnone.tif,y\n");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConditionalImages.read(tmp, csv.toString()));
        assertEquals(
                "conditions: none.tif (listed in labels.csv) is not a file in " + tmp,
                e.getMessage());
    }

    @Test
    void idxLabelsGiveTheImagesOfAStackTheirClassNumbers() throws IOException {
        ImageStack s = new ImageStack(8, 8);
        for (int i = 0; i < 3; i++) {
            s.addSlice(filled(10 * (i + 1)));
        }
        Path tif = save(tmp.resolve("stack.tif"), s);
        Path idx = tmp.resolve("train-labels-idx1-ubyte.gz");
        try (OutputStream out = Files.newOutputStream(idx)) {
            new IdxFile(new int[] {3}, new byte[] {1, 0, 1}).writeGzip(out);
        }
        ConditionalImages read = ConditionalImages.read(tif, idx.toString());
        assertEquals(List.of("0", "1"), read.classes().names());
        assertArrayEquals(new int[] {10, 20, 30}, values(read));
        assertArrayEquals(new int[] {1, 0, 1}, read.classes().labels());
    }

    @Test
    void idxLabelsThatDoNotCountTheImagesAreRefused() throws IOException {
        Path tif = image(tmp.resolve("one.tif"), 10);
        Path idx = tmp.resolve("labels-idx1-ubyte");
        try (OutputStream out = Files.newOutputStream(idx)) {
            new IdxFile(new int[] {2}, new byte[] {1, 0}).writeGzip(out);
        }
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConditionalImages.read(tif, idx.toString()));
        assertEquals(
                "conditions: labels-idx1-ubyte has 2 labels for the 1 images of one.tif; give one"
                        + " label per image",
                e.getMessage());
    }

    @Test
    void unknownValueListsTheChoices() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConditionalImages.check("colour", tmp));
        assertEquals(
                "conditions 'colour' is not valid: give " + ConditionalImages.CHOICES,
                e.getMessage());
    }
}
