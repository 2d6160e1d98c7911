package sc.fiji.stylegan2.plugin.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.plugin.testutil.RoiZips;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.IntensityOptions;
import sc.fiji.stylegan2.training.data.LabelObjects.LabelObject;
import sc.fiji.stylegan2.training.data.SamplingMode;
import sc.fiji.stylegan2.training.data.SamplingOptions;
import sc.fiji.stylegan2.training.data.SourceImage;
import sc.fiji.stylegan2.training.data.TrainingData;

class RoiSetsTest {

    private static final int W = 100, H = 80, SIDE = 24;

    /** Ovals of several sizes, one cut by the top border. */
    private static final List<Roi> OVALS =
            List.of(
                    new OvalRoi(10, 20, 11, 11),
                    new OvalRoi(50, 30, 9, 13),
                    new OvalRoi(30, 50, 14, 10),
                    new OvalRoi(85, -3, 10, 10));

    @TempDir Path dir;

    /** A label image with ROI k's pixels set to k + 1, by ImageJ's own test of what a ROI holds. */
    private static SourceImage painted(List<Roi> rois) {
        float[] p = new float[H * W];
        for (int k = 0; k < rois.size(); k++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (rois.get(k).contains(x, y)) {
                        p[y * W + x] = k + 1;
                    }
                }
            }
        }
        return new SourceImage("painted", 1, H, W, p);
    }

    private static DataOptions objects() {
        return new DataOptions(
                IntensityOptions.DEFAULT, new SamplingOptions(SamplingMode.OBJECTS, 1, 0));
    }

    @Test
    void objectCropsAreCentredOnTheRoiCentroids() throws IOException {
        Path zip = RoiZips.write(dir.resolve("RoiSet.zip"), OVALS);
        List<LabelObject> objects = RoiSets.objects(RoiSets.read(zip.toString()), 1, 1, 1);
        assertEquals(OVALS.size(), objects.size());
        SourceImage labels = painted(OVALS);
        for (LabelObject o : objects) {
            // Cut the painted ROIs: the ROI's pixels in the crop centre on the crop's centre,
            // 11.5 for 24 px, within half a pixel (the start is a whole pixel). The oval cut by
            // the border has its pixels' centroid below its contour's, so it is left out here.
            if (o.label() == 4) {
                continue;
            }
            float[] crop = DataPreparation.objectCrop(labels, o, SIDE);
            double sx = 0, sy = 0, n = 0;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    if (crop[y * SIDE + x] == o.label()) {
                        sx += x;
                        sy += y;
                        n++;
                    }
                }
            }
            assertEquals(11.5, sx / n, 0.5, "ROI " + o.label());
            assertEquals(11.5, sy / n, 0.5, "ROI " + o.label());
        }
    }

    @Test
    void everyPointOfAPointRoiIsOneObjectOnItsPixel() throws IOException {
        PointRoi points = new PointRoi(new float[] {5, 40}, new float[] {7, 60}, 2);
        Path zip = RoiZips.write(dir.resolve("points.zip"), List.of(points));
        List<LabelObject> objects = RoiSets.objects(RoiSets.read(zip.toString()), 1, 1, 1);
        assertEquals(List.of(new LabelObject(0, 1, 5, 7), new LabelObject(0, 1, 40, 60)), objects);
    }

    @Test
    void aRoiWithAStackPositionLiesOnThatImageOnly() throws IOException {
        Roi first = new OvalRoi(10, 20, 11, 11), third = new OvalRoi(50, 30, 9, 13);
        first.setPosition(1);
        third.setPosition(3);
        Path zip = RoiZips.write(dir.resolve("positions.zip"), List.of(first, third));
        List<LabelObject> objects = RoiSets.objects(RoiSets.read(zip.toString()), 3, 1, 3);
        assertEquals(List.of(0, 2), objects.stream().map(LabelObject::image).toList());
    }

    @Test
    void aStackWithARoiSetTrainsOnOneCropPerRoi() throws IOException {
        Path tif = dir.resolve("cells.tif");
        FloatProcessor fp = new FloatProcessor(W, H);
        for (int i = 0; i < W * H; i++) {
            fp.setf(i, i % 97);
        }
        new FileSaver(new ImagePlus("cells", fp)).saveAsTiff(tif.toString());
        Path zip = RoiZips.write(dir.resolve("RoiSet.zip"), OVALS);
        TrainingData data =
                new ImageFilesLoader().load(tif, 16, objects(), null, RoiSets.read(zip.toString()));
        assertEquals(OVALS.size(), data.size());
        assertTrue(data.description().contains("4 objects (rois)"), data.description());
    }

    @Test
    void aFileThatIsNotARoiSetIsRefusedNamingRois() throws IOException {
        Path text = Files.writeString(dir.resolve("RoiSet.zip"), "not a zip\n");
        var e = assertThrows(IllegalArgumentException.class, () -> RoiSets.read(text.toString()));
        assertTrue(
                e.getMessage().startsWith("rois '" + text + "' is not a ROI set"), e.getMessage());
    }

    @Test
    void anEmptyRoiSetIsRefusedNamingRois() throws IOException {
        Path zip = RoiZips.write(dir.resolve("empty.zip"), List.of());
        var e = assertThrows(IllegalArgumentException.class, () -> RoiSets.read(zip.toString()));
        assertTrue(
                e.getMessage().startsWith("rois '" + zip + "' is not a ROI set"), e.getMessage());
    }

    @Test
    void roisOutsideTheImagesAreRefusedNamingRois() throws IOException {
        Path zip =
                RoiZips.write(
                        dir.resolve("outside.zip"),
                        List.of(new OvalRoi(10, 20, 11, 11), new OvalRoi(W + 10, 20, 8, 8)));
        Path tif = dir.resolve("small.tif");
        new FileSaver(new ImagePlus("small", new FloatProcessor(W, H, new float[W * H])))
                .saveAsTiff(tif.toString());
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ImageFilesLoader()
                                        .load(
                                                tif,
                                                16,
                                                objects(),
                                                null,
                                                RoiSets.read(zip.toString())));
        assertTrue(e.getMessage().startsWith("rois: ROI 2 "), e.getMessage());
        assertTrue(e.getMessage().contains("lies outside"), e.getMessage());
    }
}
