package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptFeaturesTest {

    @TempDir Path dir;

    @Test
    void missingFileIsNamedInTheError() {
        Path missing = dir.resolve("inception.pt");
        var e =
                assertThrows(
                        NoSuchFileException.class,
                        () ->
                                TorchScriptFeatures.load(
                                        missing, TorchScriptFeatures.Options.PLAIN, 32));
        assertTrue(e.getMessage().contains("inception.pt does not exist"), e.getMessage());
    }

    @Test
    void fileThatIsNotTorchScriptIsRejectedClearly() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pt"), "not a network");
        var e =
                assertThrows(
                        IOException.class,
                        () ->
                                TorchScriptFeatures.load(
                                        text, TorchScriptFeatures.Options.PLAIN, 32));
        assertTrue(
                e.getMessage().contains("notes.pt is not a TorchScript archive"), e.getMessage());
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes());
            z.closeEntry();
        }
        var f =
                assertThrows(
                        IOException.class,
                        () -> TorchScriptFeatures.load(zip, TorchScriptFeatures.Options.PLAIN, 32));
        assertTrue(
                f.getMessage().contains("other.zip is not a TorchScript archive"), f.getMessage());
    }

    @Test
    void plainNetworkMapsImagesToItsOutputs() throws IOException {
        Path file =
                TinyTorchScript.write(
                        dir.resolve("means.pt"),
                        "ChannelMeans",
                        TinyTorchScript.channelMeans("ChannelMeans"));
        float[] images = new float[3 * 4 * 4];
        for (int i = 0; i < images.length; i++) {
            images[i] = (i % 7) / 7f - 0.5f;
        }
        try (TorchScriptFeatures f =
                TorchScriptFeatures.load(file, TorchScriptFeatures.Options.PLAIN, 8)) {
            assertEquals(1, f.dimension()); // probed with one gray image: [1, 1] features
            float[] expected = new float[3];
            for (int k = 0; k < 3; k++) {
                for (int p = 0; p < 16; p++) {
                    expected[k] += images[k * 16 + p] / 16;
                }
            }
            assertArrayEquals(expected, f.features(images, 3, 1, 4), 1e-6f);
            // Two-channel images give two means each: not the probed length, said clearly.
            var e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> f.features(new float[2 * 16], 1, 2, 4));
            assertTrue(e.getMessage().contains("gives 2 features"), e.getMessage());
        }
    }

    @Test
    void officialDetectorConventionRepeatsGrayAndGivesUint8WithTheFeatureFlag() throws IOException {
        Path file =
                TinyTorchScript.write(
                        dir.resolve("flagged.pt"),
                        "Flagged",
                        TinyTorchScript.flaggedMeans("Flagged"));
        var options = new TorchScriptFeatures.Options(3, true, true, 2);
        float[] gray = new float[3 * 4];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = i < 4 ? -1f : i < 8 ? 0f : 1f; // 0, 128 and 255 as uint8
        }
        try (TorchScriptFeatures f = TorchScriptFeatures.load(file, options, 4)) {
            assertEquals(3, f.dimension());
            float[] out = f.features(gray, 3, 1, 2);
            assertArrayEquals(new float[] {0, 0, 0, 128, 128, 128, 255, 255, 255}, out, 1e-4f);
        }
    }
}
