package sc.fiji.stylegan2.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationSummaryTest {

    @Test
    void channelStatisticsOfKnownValues() {
        // |a| = 1, 1, 2, 8: median 1.5, max|a| 8
        ChannelStatistics s = ChannelStatistics.of(new float[] {99, 1, -1, 2, 8}, 1, 4);
        assertEquals(2.5, s.mean(), 1e-9);
        assertEquals(Math.sqrt((2.25 + 12.25 + 0.25 + 30.25) / 4), s.std(), 1e-9);
        assertEquals(8, s.max(), 1e-9);
        assertEquals(8 / 1.5, s.spikeRatio(), 1e-9);
    }

    @Test
    void aSpikeInOneChannelShowsAsAHighRatioOnlyThere() {
        float[] a = new float[2 * 3 * 3];
        java.util.Arrays.fill(a, 1f);
        a[9 + 4] = 50; // channel 1, centre pixel
        ChannelStatistics[] s = ChannelStatistics.perChannel(a, new long[] {1, 2, 3, 3});
        assertEquals(1, s[0].spikeRatio(), 1e-9);
        assertEquals(50, s[1].spikeRatio(), 1e-9);
        assertTrue(Double.isNaN(ChannelStatistics.of(new float[] {0, 0}, 0, 2).spikeRatio()));
    }

    @Test
    void layerNamesResolveShortAndFullNamesAndListTheValidOnes() {
        List<String> layers =
                List.of("synthesis.b4.conv1", "synthesis.b4.torgb", "synthesis.b8.conv0");
        assertEquals("synthesis.b8.conv0", LayerNames.resolve("layer", "b8.conv0", layers));
        assertEquals(
                "synthesis.b4.torgb", LayerNames.resolve("layer", "Synthesis.B4.toRGB", layers));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LayerNames.resolve("layer", "b5.conv1", layers));
        assertEquals(
                "layer 'b5.conv1' does not exist in this model; valid layers: b4.conv1, b4.torgb, b8.conv0",
                e.getMessage());
    }

    @Test
    void montageTilesLayersInOrderAtACommonSizeEachScaledToItsMax() {
        // layer 0: 1 channel 1x1 = -4 (|a| 4); layer 1: 2 channels 4x4, |a| mean 2 except one pixel
        // 6
        float[] l1 = new float[2 * 16];
        java.util.Arrays.fill(l1, 2f);
        l1[0] = 10; // channel 0 pixel (0,0): mean over channels (10 + 2) / 2 = 6
        ActivationMontage m =
                ActivationMontage.of(
                        List.of(new float[] {-4}, l1),
                        List.of(new long[] {1, 1, 1, 1}, new long[] {1, 2, 4, 4}),
                        2);
        assertEquals(2, m.columns());
        assertEquals(4, m.width());
        assertEquals(2, m.height());
        // left tile: 1x1 upsampled to 2x2, scaled to 1; right tile: 4x4 box-averaged to 2x2:
        // (6+2+2+2)/4 = 3, then 2
        assertArrayEquals(new float[] {1, 1, 1, 2 / 3f, 1, 1, 2 / 3f, 2 / 3f}, m.pixels(), 1e-6f);
    }
}
