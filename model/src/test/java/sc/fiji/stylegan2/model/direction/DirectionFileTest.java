package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectionFileTest {

    @TempDir Path tmp;

    @Test
    void writtenDirectionsReadBackWithMethodScoresAndLayers() throws Exception {
        Directions d =
                new Directions(
                        DirectionMethod.SEFA,
                        new float[][] {{0.6f, 0.8f}, {0.8f, -0.6f}},
                        new double[] {4.5, 0.25},
                        new int[] {0, 1, 2});
        Path file = tmp.resolve("d.npz");
        DirectionFile.write(file, d);
        Directions back = DirectionFile.read(file);
        assertEquals(DirectionMethod.SEFA, back.method());
        assertArrayEquals(d.vector(1), back.vector(1));
        assertArrayEquals(d.scores(), back.scores());
        assertArrayEquals(d.layers(), back.layers());
    }

    @Test
    void methodIsANumpyUnicodeScalar() {
        byte[] npy = DirectionFile.text("pca");
        String header = new String(npy, 10, npy.length - 10 - 12, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<U3', 'fortran_order': False, 'shape': (), }"));
        assertEquals(0, (npy.length - 12) % 64, "data starts at a multiple of 64 bytes");
        assertEquals('p', npy[npy.length - 12]);
    }
}
