package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

class StyleSelectionTest {

    static GeneratorConfig config(int resolution) {
        return GeneratorConfig.builder()
                .setZDim(8)
                .setWDim(8)
                .setMappingLayers(1)
                .setResolution(resolution)
                .setImgChannels(1)
                .setChannelBase(1024)
                .setChannelMax(8)
                .build();
    }

    @Test
    void eachWsIndexShapesTheResolutionOfTheConvThatReadsIt() {
        assertArrayEquals(
                new int[] {4, 8, 8, 16, 16, 32, 32, 64, 64, 64}, WsLayout.resolutions(config(64)));
        assertArrayEquals(
                new int[] {4, 8, 8, 16, 16, 32, 32, 32}, WsLayout.resolutions(config(32)));
    }

    @Test
    void groupsFollowThePaperResolutions() {
        GeneratorConfig cfg = config(64);
        assertArrayEquals(new int[] {0, 1, 2}, StyleSelection.parse("col_styles", "coarse", cfg));
        assertArrayEquals(
                new int[] {3, 4, 5, 6}, StyleSelection.parse("col_styles", "middle", cfg));
        assertArrayEquals(new int[] {7, 8, 9}, StyleSelection.parse("col_styles", "FINE", cfg));
        assertArrayEquals(
                new int[] {0, 1, 2, 7, 8, 9},
                StyleSelection.parse("col_styles", "coarse+fine", cfg));
        assertEquals("coarse 0-2, middle 3-6, fine 7-9", StyleSelection.describeGroups(cfg));
    }

    @Test
    void rangesAndListsAsTheOfficialScriptWritesThem() {
        GeneratorConfig cfg = config(64);
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 6}, StyleSelection.parse("col_styles", "0-6", cfg));
        assertArrayEquals(
                new int[] {1, 3, 5, 8, 9}, StyleSelection.parse("col_styles", "5,3,1,8-9", cfg));
        assertEquals("0-2,5,7-9", StyleSelection.format(new int[] {0, 1, 2, 5, 7, 8, 9}));
    }

    @Test
    void indexBeyondNumWsNamesTheKeyAndTheValidRange() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StyleSelection.parse("col_styles", "0-12", config(64)));
        assertEquals(
                "col_styles '0-12': index 12 is outside 0..9 (this model has num_ws 10)",
                e.getMessage());
    }

    @Test
    void backwardsRangeAndUnknownWordsAreRejected() {
        var back =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StyleSelection.parse("col_styles", "6-0", config(64)));
        assertTrue(
                back.getMessage().contains("runs backwards; write it as 0-6"), back.getMessage());
        var word =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StyleSelection.parse("col_styles", "corse", config(64)));
        assertTrue(word.getMessage().contains("use all, coarse, middle, fine"), word.getMessage());
    }

    @Test
    void groupsOfA32PixelModelAreThirdsOfItsDepth() {
        GeneratorConfig cfg = config(32);
        assertEquals("coarse 0-2, middle 3-4, fine 5-7", StyleSelection.describeGroups(cfg));
        assertArrayEquals(new int[] {5, 6, 7}, StyleSelection.parse("col_styles", "fine", cfg));
    }

    @Test
    void allSelectsEveryIndex() {
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                StyleSelection.parse("layers", "all", config(32)));
    }

    @Test
    void aGroupTheModelLacksIsRefusedNamingTheGroupsItHas() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StyleSelection.parse("col_styles", "middle", config(8)));
        assertEquals(
                "col_styles 'middle': this 8 px model has no middle styles (it has coarse 0,"
                        + " fine 1-3); use all, coarse, middle, fine or ws indices like 0-3 or 1,3,5"
                        + " (0..3)",
                e.getMessage());
    }
}
