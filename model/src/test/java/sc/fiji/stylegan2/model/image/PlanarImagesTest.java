package sc.fiji.stylegan2.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanarImagesTest {

    @Test
    void concatKeepsBothSetsInOrderWithTheirLabels() {
        PlanarImages a = new PlanarImages(new float[] {1, 2, 3, 4}, 1, 1, 2, 2, List.of("a"));
        PlanarImages b =
                new PlanarImages(
                        new float[] {5, 6, 7, 8, 9, 10, 11, 12}, 2, 1, 2, 2, List.of("b", "c"));
        PlanarImages both = a.concat(b);
        assertEquals(3, both.count());
        // Exact: concat copies Java floats and computes nothing (no libtorch, no CPU-dependent
        // kernel), so the values are the inputs' on every machine.
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, both.data(), 0f);
        assertEquals(List.of("a", "b", "c"), both.labels());
        // Exact for the same reason: slice is Arrays.copyOfRange of the concatenated values.
        assertArrayEquals(b.data(), both.slice(1, 3).data(), 0f);
    }

    @Test
    void concatRefusesImagesOfAnotherSize() {
        PlanarImages a = new PlanarImages(new float[4], 1, 1, 2, 2, List.of("a"));
        PlanarImages b = new PlanarImages(new float[9], 1, 1, 3, 3, List.of("b"));
        assertThrows(IllegalArgumentException.class, () -> a.concat(b));
    }
}
