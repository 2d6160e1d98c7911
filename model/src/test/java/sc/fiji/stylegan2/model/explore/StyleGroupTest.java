package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StyleGroupTest {

    @Test
    void modelsOf64PixelsAndMoreUseThePaperResolutions() {
        for (int model : new int[] {64, 256, 1024}) {
            assertEquals(StyleGroup.COARSE, StyleGroup.of(8, model));
            assertEquals(StyleGroup.MIDDLE, StyleGroup.of(16, model));
            assertEquals(StyleGroup.MIDDLE, StyleGroup.of(32, model));
            assertEquals(StyleGroup.FINE, StyleGroup.of(64, model));
        }
        assertEquals("64-256 px", StyleGroup.FINE.resolutions(256));
    }

    @Test
    void smallerModelsSplitTheirBlocksIntoThirdsByDepth() {
        assertEquals("4-8 px", StyleGroup.COARSE.resolutions(32));
        assertEquals("16 px", StyleGroup.MIDDLE.resolutions(32));
        assertEquals("32 px", StyleGroup.FINE.resolutions(32));
        assertEquals("4 px", StyleGroup.COARSE.resolutions(16));
        assertEquals("8 px", StyleGroup.MIDDLE.resolutions(16));
        assertEquals("16 px", StyleGroup.FINE.resolutions(16));
    }

    @Test
    void anEightPixelModelHasCoarseAndFineButNoMiddle() {
        assertEquals("4 px", StyleGroup.COARSE.resolutions(8));
        assertEquals("none", StyleGroup.MIDDLE.resolutions(8));
        assertEquals("8 px", StyleGroup.FINE.resolutions(8));
    }
}
