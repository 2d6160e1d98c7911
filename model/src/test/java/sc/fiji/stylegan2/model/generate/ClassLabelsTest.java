package sc.fiji.stylegan2.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    static final ClassLabels NAMED = new ClassLabels(3, List.of("wt", "ko", "het"));

    @Test
    void conditionIsAnIndexOrAName() {
        assertEquals(2, NAMED.parse("2"));
        assertEquals(1, NAMED.parse(" ko "));
    }

    @Test
    void blankConditionIsNone() {
        assertNull(NAMED.parse(""));
        assertNull(ClassLabels.none().parse(" "));
    }

    @Test
    void unknownNameListsTheClasses() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NAMED.parse("dmso"));
        assertEquals(
                "condition 'dmso' is not a class of this model: give 3 classes: 0..2 or the names wt, ko, het",
                e.getMessage());
    }

    @Test
    void oneHotSetsTheClassOfEveryImage() {
        assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0}, NAMED.oneHot(1, 2), 0f);
    }

    @Test
    void namesMustCoverEveryClass() {
        assertThrows(IllegalArgumentException.class, () -> new ClassLabels(3, List.of("a", "b")));
    }
}
