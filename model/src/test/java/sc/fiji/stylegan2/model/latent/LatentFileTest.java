package sc.fiji.stylegan2.model.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latent file formats: the official projector's .npz, and .csv. */
class LatentFileTest {

    @TempDir Path tmp;

    /** Latents of 2 images, num_ws 8, w_dim 32, with noise maps of two layers. */
    static Latents sample(boolean withNoise) {
        Random r = new Random(1);
        float[] ws = new float[2 * 8 * 32];
        for (int i = 0; i < ws.length; i++) {
            ws[i] = (float) r.nextGaussian() * 1e3f; // values whose float text is long
        }
        Map<String, float[]> noise = new LinkedHashMap<>();
        if (withNoise) {
            noise.put("synthesis.b4.conv1", new float[2 * 16]);
            float[] b8 = new float[2 * 64];
            for (int i = 0; i < b8.length; i++) {
                b8[i] = (float) r.nextGaussian();
            }
            noise.put("synthesis.b8.conv0", b8);
        }
        return new Latents(2, 8, 32, ws, noise);
    }

    @Test
    void npzWrittenByUsReadsBackExactlyWithItsNoiseMaps() throws IOException {
        Path file = tmp.resolve("p.npz");
        Latents in = sample(true);
        LatentFile.write(file, in);
        Latents out = LatentFile.read(file);
        assertEquals(2, out.count());
        assertEquals(8, out.numWs());
        assertEquals(32, out.wDim());
        assertArrayEquals(in.ws(), out.ws(), 0f);
        assertEquals(List.copyOf(in.noise().keySet()), List.copyOf(out.noise().keySet()));
        for (String layer : in.noise().keySet()) {
            assertArrayEquals(in.noise().get(layer), out.noise().get(layer), 0f, layer);
        }
        assertFalse(
                Files.list(tmp).anyMatch(p -> p.getFileName().toString().startsWith(".")),
                "no temp file left behind");
    }

    @Test
    void npzHoldsTheOfficialKeyWAsFloat32OfShapeNumWsByWDim() throws IOException {
        Path file = tmp.resolve("one.npz");
        LatentFile.write(file, sample(false).slice(0, 1));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertEquals(List.of("w.npy"), zip.stream().map(ZipEntry::getName).toList());
            ZipEntry entry = zip.getEntry("w.npy");
            assertEquals(ZipEntry.STORED, entry.getMethod(), "uncompressed, as np.savez");
            byte[] npy = zip.getInputStream(entry).readAllBytes();
            // magic, version 1.0, header length (uint16 little-endian)
            assertEquals((byte) 0x93, npy[0]);
            assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
            assertEquals(1, npy[6]);
            assertEquals(0, npy[7]);
            int headerLength = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
            String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
            assertEquals(
                    "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 8, 32), }",
                    header.strip());
            assertTrue(header.endsWith("\n"));
            assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
            assertEquals(10 + headerLength + 4 * 8 * 32, npy.length);
            float first =
                    ByteBuffer.wrap(npy, 10 + headerLength, 4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getFloat();
            assertEquals(sample(false).ws()[0], first, 0f);
        }
    }

    @Test
    void headerOfAOneAxisArrayHasPythonsTupleComma() {
        assertEquals(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }",
                NpyArray.headerDict(new long[] {5}));
    }

    @Test
    void float64ArraysAsNumpyWritesThemByDefaultAreRead() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 3), }";
        String header = dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n";
        ByteBuffer b =
                ByteBuffer.allocate(10 + header.length() + 6 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})
                .putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) {
            b.putDouble(i * 0.5);
        }
        Path file = tmp.resolve("f64.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("w.npy"));
            zip.write(b.array());
            zip.closeEntry();
        }
        Latents l = LatentFile.read(file);
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f}, l.ws(), 0f);
        assertEquals(2, l.numWs());
    }

    @Test
    void csvReadsBackExactlyWithoutNoiseMaps() throws IOException {
        Path file = tmp.resolve("p.csv");
        Latents in = sample(true);
        LatentFile.write(file, in);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + 2 * 8, lines.size(), "a header and one row per image and layer");
        assertTrue(lines.get(0).startsWith("image,layer,w0,w1,"));
        assertTrue(lines.get(1).startsWith("0,0,"));
        Latents out = LatentFile.read(file);
        assertArrayEquals(in.ws(), out.ws(), 0f);
        assertEquals(8, out.numWs());
        assertFalse(out.hasNoise());
    }

    @Test
    void npzWithoutWSaysWhatItExpected() throws IOException {
        Path file = tmp.resolve("other.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("z.npy"));
            zip.write(new NpyArray(new long[] {2}, new float[] {1, 2}).encode());
            zip.closeEntry();
        }
        IOException e = assertThrows(IOException.class, () -> LatentFile.read(file));
        assertTrue(e.getMessage().contains("no 'w' array"), e.getMessage());
    }

    @Test
    void aFileThatIsNoZipIsReportedAsNotNpz() throws IOException {
        Path file = tmp.resolve("text.npz");
        Files.writeString(file, "hello");
        IOException e = assertThrows(IOException.class, () -> LatentFile.read(file));
        assertTrue(e.getMessage().contains("not a NumPy .npz"), e.getMessage());
    }

    @Test
    void slicesAndConcatenationKeepImagesAndNoiseInOrder() {
        Latents l = sample(true);
        Latents joined = Latents.concat(List.of(l.slice(0, 1), l.slice(1, 2)));
        assertArrayEquals(l.ws(), joined.ws(), 0f);
        assertArrayEquals(
                l.noise().get("synthesis.b8.conv0"), joined.noise().get("synthesis.b8.conv0"), 0f);
        assertEquals(8, l.noiseResolution("synthesis.b8.conv0"));
    }
}
