package sc.fiji.stylegan2.plugin.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.plugin.image.TargetObjects;
import sc.fiji.stylegan2.plugin.image.TargetSampling;
import sc.fiji.stylegan2.plugin.training.RoiSets;
import sc.fiji.stylegan2.training.data.BitDepth;
import sc.fiji.stylegan2.training.data.ImageStackData;
import sc.fiji.stylegan2.training.data.IntensityMode;
import sc.fiji.stylegan2.training.data.IntensityOptions;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.SourceStack;

/** Project Image's targets become model inputs as the model's training data did. */
class ProjectionTargetTest {

    private static final int SIDE = 16, RES = 16; // at the model's size: no resizing

    /**
     * A 2-channel 12-bit image: channel 0 a ramp over 0..4095, channel 1 a dim one over 100..900.
     */
    private static SourceImage twelveBit(String name, int shift) {
        int plane = SIDE * SIDE;
        float[] p = new float[2 * plane];
        for (int i = 0; i < plane; i++) {
            int k = (i + shift) % plane;
            p[i] = Math.round(4095.0 * k / (plane - 1));
            p[plane + i] = 100 + Math.round(800.0 * k / (plane - 1));
        }
        return new SourceImage(name, 2, SIDE, SIDE, p);
    }

    @Test
    void aTwelveBitTargetMapsToMinusOneToOneAsTheModelsTrainingDataDid() {
        SourceImage a = twelveBit("a", 0), b = twelveBit("b", 100);
        ImageStackData training =
                ImageStackData.builder()
                        .setResolution(RES)
                        .optIntensity(new IntensityOptions(IntensityMode.DATA, 0.1, 99.9, true))
                        .build(new SourceStack(List.of(a, b), BitDepth.BITS_16));
        IntensityMapping stored = training.intensity(); // what the checkpoint keeps
        assertEquals(0, stored.offset(0) - stored.scale(0), 0);
        assertEquals(4095, stored.offset(0) + stored.scale(0), 0);
        PlanarImages target = new PlanarImages(a.pixels(), 1, 2, SIDE, SIDE, List.of("a"));

        PlanarImages input = ProjectionTask.modelInput(target, TargetSampling.AUTO, RES, 2, stored);

        float[] expected = new float[2 * RES * RES];
        training.copyImage(0, expected, 0);
        // The same map y -> (y - offset) / scale, in float and in double: rounding only.
        assertArrayEquals(expected, input.data(), 1e-6f);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (int i = 0; i < RES * RES; i++) { // channel 0 spans the full range
            min = Math.min(min, input.data()[i]);
            max = Math.max(max, input.data()[i]);
        }
        assertEquals(-1, min, 1e-6);
        assertEquals(1, max, 1e-6);
    }

    @Test
    void tilesOfALargeTargetAreItsGridLabelledByPosition() {
        int w = 40, h = 24, tile = 8;
        float[] data = new float[w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        PlanarImages target = new PlanarImages(data, 1, 1, h, w, List.of("big"));

        PlanarImages tiles =
                TargetSampling.parse("tiles", 2)
                        .apply(target, tile / 2, IntensityMapping.OFFICIAL_8BIT);

        assertEquals((w / tile) * (h / tile), tiles.count());
        assertEquals("big tile x=0,y=0", tiles.labels().get(0));
        assertEquals("big tile x=32,y=16", tiles.labels().get(tiles.count() - 1));
        // The last tile's top-left value is the target's pixel (32, 16).
        assertEquals(16 * w + 32, tiles.data()[(tiles.count() - 1) * tile * tile], 0);
    }

    @Test
    void objectCropsAreCentredOnTheRoisAndPaddedWithWhatMapsToMinusOne() {
        int w = 40, h = 30, res = 8;
        float[] data = new float[2 * w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        PlanarImages target = new PlanarImages(data, 1, 2, h, w, List.of("t"));
        // An area ROI centred on pixel (20, 15), and a point on pixel (1, 1) near the corner.
        List<RoiSets.RoiCentre> rois =
                List.of(
                        new RoiSets.RoiCentre(1, "cell", 0, 0, 0, false, 20, 15),
                        new RoiSets.RoiCentre(2, "edge", 0, 0, 0, false, 1, 1));
        IntensityMapping m =
                IntensityMapping.ofDataRanges(new double[] {10, 20}, new double[] {30, 60});

        PlanarImages crops =
                TargetSampling.parse("objects", 1, TargetObjects.fromRois(rois))
                        .apply(target, res, m);

        assertEquals(List.of("t object 1 x=20.0,y=15.0", "t object 2 x=1.0,y=1.0"), crops.labels());
        // 8 px on centre 20: start round(20 - 3.5) = 17 (15: 12), as training's object crops;
        // channel 1's first value.
        assertEquals(w * h + 12 * w + 17, crops.data()[res * res], 0);
        // The second crop starts at round(1 - 3.5) = -2: its corner lies outside, at each
        // channel's low end.
        int second = 2 * res * res;
        assertEquals(10, crops.data()[second], 0);
        assertEquals(20, crops.data()[second + res * res], 0);
        assertEquals(0, crops.data()[second + 2 * res + 2], 0, "pixel (0, 0) of the target");
    }

    @Test
    void aTargetOverFourTimesTheResolutionIsRefusedNamingSampling() {
        PlanarImages target =
                new PlanarImages(new float[1 * 80 * 60], 1, 1, 60, 80, List.of("big"));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TargetSampling.AUTO.apply(
                                        target, 16, IntensityMapping.OFFICIAL_8BIT));
        assertTrue(e.getMessage().startsWith("target is 80 x 60 px"), e.getMessage());
        assertTrue(e.getMessage().contains("sampling=tiles"), e.getMessage());
    }
}
