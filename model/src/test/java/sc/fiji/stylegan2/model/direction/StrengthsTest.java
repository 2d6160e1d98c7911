package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrengthsTest {

    @Test
    void rangeIsEvenlySpacedLikeLinspace() {
        assertArrayEquals(
                new double[] {-3, -2, -1, 0, 1, 2, 3},
                Strengths.parse("strengths", "-3:3:7"),
                1e-12);
        assertArrayEquals(new double[] {-2, 0, 2.5}, Strengths.parse("strengths", "-2, 0,2.5"));
    }

    @Test
    void badTextNamesTheKeyAndTheForms() {
        var e =
                assertThrows(
                        IllegalArgumentException.class, () -> Strengths.parse("strengths", "1:2"));
        assertTrue(
                e.getMessage().startsWith("strengths '1:2' is not valid: give start:stop:count"));
    }
}
