package sc.fiji.stylegan2.training.official;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.checkpoint.ConfigJson;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;
import sc.fiji.stylegan2.training.data.TrainingData;

class OfficialDatasetWriterTest {

    @TempDir Path tmp;

    /**
     * {@code n} images of {@code c} channels, {@code side} px, random whole values below {@code
     * max}.
     */
    private static List<SourceImage> images(int n, int c, int side, int max, long seed) {
        Random random = new Random(seed);
        List<SourceImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] px = new float[c * side * side];
            for (int k = 0; k < px.length; k++) {
                px[k] = random.nextInt(max + 1);
            }
            out.add(new SourceImage("image " + i, c, side, side, px));
        }
        return out;
    }

    private static TrainingData prepare(List<SourceImage> images, BitDepth depth) {
        return DataPreparation.prepare(
                new SourceStack(images, depth), null, images.get(0).width(), DataOptions.DEFAULT);
    }

    private static void assertPixelsEqual(SourceImage expected, int[] actual) {
        int[] e = new int[expected.pixels().length];
        for (int k = 0; k < e.length; k++) {
            e[k] = (int) expected.pixels()[k];
        }
        assertArrayEquals(e, actual, expected.name());
    }

    @Test
    void eightBitGrayImagesReadBackExactlyInTheOfficialLayout() throws Exception {
        List<SourceImage> src = images(3, 1, 16, 255, 1);
        Path zip = tmp.resolve("dataset.zip");
        OfficialDatasetWriter.write(
                zip, prepare(src, BitDepth.BITS_8), null, ProgressListener.NONE);
        OfficialDatasetReader.Dataset d = OfficialDatasetReader.read(zip);
        assertEquals(
                List.of("00000/img00000000.png", "00000/img00000001.png", "00000/img00000002.png"),
                d.names());
        assertEquals(1, d.channels());
        assertEquals(16, d.resolution());
        assertTrue(d.allStored(), "every zip entry stored uncompressed");
        assertNull(d.labels());
        for (int i = 0; i < src.size(); i++) {
            assertPixelsEqual(src.get(i), d.images().get(i));
        }
    }

    @Test
    void rgbImagesKeepTheirChannelOrder() throws Exception {
        List<SourceImage> src = images(2, 3, 8, 255, 2);
        Path zip = tmp.resolve("rgb.zip");
        OfficialDatasetWriter.write(
                zip, prepare(src, BitDepth.BITS_8), null, ProgressListener.NONE);
        OfficialDatasetReader.Dataset d = OfficialDatasetReader.read(zip);
        assertEquals(3, d.channels());
        assertPixelsEqual(src.get(1), d.images().get(1));
    }

    @Test
    void sixteenBitImagesAreTheNearestOf256LevelsOfTheStoredRange() throws Exception {
        List<SourceImage> src = images(2, 1, 8, 4095, 3); // 12-bit camera data
        TrainingData data = prepare(src, BitDepth.BITS_16);
        Path zip = tmp.resolve("16bit.zip");
        OfficialDatasetWriter.write(zip, data, null, ProgressListener.NONE);
        OfficialDatasetReader.Dataset d = OfficialDatasetReader.read(zip);
        IntensityMapping m =
                ConfigJson.intensity(
                        d.json()
                                .getAsJsonObject(OfficialDatasetWriter.OUR_KEY)
                                .getAsJsonObject("intensity"));
        assertEquals(data.intensity(), m, "the mapping stored beside the labels");
        for (int i = 0; i < src.size(); i++) {
            float[] v = src.get(i).pixels();
            int[] u = d.images().get(i);
            for (int k = 0; k < v.length; k++) {
                // u = round((x + 1) · 127.5) with x = (v - offset) / scale, clipped to 0..255
                double exact = ((v[k] - m.offset()) / m.scale() + 1) * 127.5;
                double clipped = Math.max(0, Math.min(255, exact));
                assertEquals(clipped, u[k], 0.5 + 1e-3, "pixel " + k + " of image " + i);
            }
        }
    }

    @Test
    void labelsPairEachEntryWithItsClassAndFoldersHoldAThousandImages() throws Exception {
        int n = 1001;
        List<SourceImage> src = images(n, 1, 8, 255, 4);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 3;
        }
        Path zip = tmp.resolve("cond.zip");
        OfficialDatasetWriter.write(
                zip, prepare(src, BitDepth.BITS_8), classes, ProgressListener.NONE);
        OfficialDatasetReader.Dataset d = OfficialDatasetReader.read(zip);
        assertEquals("00000/img00000999.png", d.names().get(999));
        assertEquals("00001/img00001000.png", d.names().get(1000));
        for (int i = 0; i < n; i++) {
            assertEquals(classes[i], d.labels().get(d.names().get(i)), d.names().get(i));
        }
    }

    @Test
    void twoChannelImagesAreRefusedSayingWhy() {
        TrainingData data = prepare(images(2, 2, 8, 255, 5), BitDepth.BITS_8);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                OfficialDatasetWriter.write(
                                        tmp.resolve("x.zip"), data, null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("1 (gray) or 3 (RGB)"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.zip")));
    }

    @Test
    void cancelLeavesNoFile() throws Exception {
        TrainingData data = prepare(images(4, 1, 8, 255, 6), BitDepth.BITS_8);
        ProgressListener cancel =
                new ProgressListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public boolean isCanceled() {
                        return true;
                    }
                };
        assertThrows(
                CancellationException.class,
                () -> OfficialDatasetWriter.write(tmp.resolve("c.zip"), data, null, cancel));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "neither the zip nor a temporary file");
        }
    }
}
