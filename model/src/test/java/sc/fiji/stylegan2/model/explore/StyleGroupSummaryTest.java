package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;

/** The groups of a 16 px model, the size users train, where the paper's fine group is absent. */
class StyleGroupSummaryTest {

    private static StyleGAN2Model model;

    @BeforeAll
    static void open() {
        model =
                StyleGAN2Model.create(
                        StyleSelectionTest.config(16), null, IntensityMapping.OFFICIAL_8BIT, 1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void fineNoiseOnA16PixelModelIsItsLastBlock() {
        assertEquals(
                List.of("synthesis.b16.conv0", "synthesis.b16.conv1"),
                NoiseLayers.parse("noise_layers", "fine", model.generator()).layers());
    }

    @Test
    void modelInfoListsEachGroupsWsAndLayers() {
        String info = model.describe();
        assertTrue(info.contains("  coarse 4 px: ws 0, layers b4.conv1\n"), info);
        assertTrue(info.contains("  middle 8 px: ws 1-2, layers b8.conv0, b8.conv1\n"), info);
        assertTrue(info.contains("  fine 16 px: ws 3-5, layers b16.conv0, b16.conv1\n"), info);
    }
}
