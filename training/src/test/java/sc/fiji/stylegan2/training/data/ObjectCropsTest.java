package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectCropsTest {

    private static final int W = 100, H = 80;

    /** Discs of radius r (label k+1) centred on {@code centres[k] = {x, y}}. */
    private static SourceImage discs(double[][] centres, double r) {
        float[] p = new float[H * W];
        for (int k = 0; k < centres.length; k++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (Math.hypot(x - centres[k][0], y - centres[k][1]) <= r) {
                        p[y * W + x] = k + 1;
                    }
                }
            }
        }
        return new SourceImage("labels", 1, H, W, p);
    }

    private static final double[][] CENTRES = {{20, 30}, {61, 40}, {45.5, 60.5}, {90, 8}};

    @Test
    void centroidsOfDiscsAreTheirCentres() {
        List<LabelObjects.LabelObject> objects = LabelObjects.centroids(List.of(discs(CENTRES, 5)));
        assertEquals(4, objects.size());
        for (int k = 0; k < 4; k++) {
            // Discs of pixels are symmetric about their centre (the last one is cut by the border:
            // y >= 3).
            assertEquals(CENTRES[k][0], objects.get(k).x(), 1e-9);
            assertEquals(CENTRES[k][1], objects.get(k).y(), k == 3 ? 0.2 : 1e-9);
        }
    }

    @Test
    void objectCropsAreCentredOnTheLabelCentroids() {
        SourceImage labels = discs(CENTRES, 5);
        for (LabelObjects.LabelObject o : LabelObjects.centroids(List.of(labels))) {
            // Cut the label image itself: the object's centroid in the crop lies at the crop's
            // centre.
            float[] crop = DataPreparation.objectCrop(labels, o, 24);
            double sx = 0, sy = 0, n = 0;
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 24; x++) {
                    if (crop[y * 24 + x] == o.label()) {
                        sx += x;
                        sy += y;
                        n++;
                    }
                }
            }
            // Centre of a 24-px crop: 11.5; the start is rounded to a whole pixel, so within half a
            // pixel.
            assertEquals(11.5, sx / n, 0.5, "object " + o.label());
            assertEquals(11.5, sy / n, 0.5, "object " + o.label());
        }
    }

    @Test
    void oneCropPerObjectOfTheResolutionSize() {
        SourceImage image = new SourceImage("a", 1, H, W, new float[H * W]);
        image.pixels()[0] = 1; // not constant
        DataOptions o =
                new DataOptions(
                        IntensityOptions.DEFAULT,
                        new SamplingOptions(SamplingMode.OBJECTS, 0.5, 0));
        TrainingData d =
                DataPreparation.prepare(
                        new SourceStack(List.of(image), BitDepth.FLOAT),
                        List.of(discs(CENTRES, 5)),
                        32,
                        o);
        assertEquals(4, d.size());
        assertEquals(32, d.resolution());
        assertTrue(d.description().contains("4 objects"), d.description());
    }

    @Test
    void objectsWithoutLabelsAreRefusedNamingLabels() {
        DataOptions o =
                new DataOptions(
                        IntensityOptions.DEFAULT, new SamplingOptions(SamplingMode.OBJECTS, 1, 0));
        SourceImage image = new SourceImage("a", 1, 2, 2, new float[] {0, 1, 2, 3});
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                DataPreparation.prepare(
                                        new SourceStack(List.of(image), BitDepth.FLOAT),
                                        null,
                                        8,
                                        o));
        assertTrue(e.getMessage().contains("needs labels"), e.getMessage());
    }

    @Test
    void labelsOfAnotherSizeAreRefused() {
        SourceImage image = new SourceImage("a", 1, 2, 2, new float[] {0, 1, 2, 3});
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LabelObjects.planes(List.of(discs(CENTRES, 5)), List.of(image)));
        assertTrue(e.getMessage().startsWith("labels is 100 x 80 px"), e.getMessage());
    }
}
