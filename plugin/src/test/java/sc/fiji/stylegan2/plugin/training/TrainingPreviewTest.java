package sc.fiji.stylegan2.plugin.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.training.loop.Snapshot;

/** The preview without windows: the stack it builds from snapshots. */
class TrainingPreviewTest {

    /** Data in 1000..3000: the generator's -1 is 1000, +1 is 3000. */
    private static final IntensityMapping UNITS = IntensityMapping.ofDataRange(1000, 3000);

    private static Snapshot snapshot(double kimg, GeneratedImages grid) {
        return new Snapshot(
                Path.of("network-snapshot.sg2"), kimg, grid, UNITS, Snapshot.Reason.SCHEDULED);
    }

    /** {@code count} images of 2 x 2 whose raw value is {@code value}. */
    private static GeneratedImages grid(int count, int channels, float value) {
        float[] data = new float[count * channels * 4];
        java.util.Arrays.fill(data, value);
        return new GeneratedImages(
                data, count, channels, 2, 2, java.util.Collections.nCopies(count, "seed"));
    }

    private static List<String> labels(ImagePlus imp) {
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 1; i <= imp.getStackSize(); i++) {
            labels.add(imp.getStack().getSliceLabel(i));
        }
        return labels;
    }

    @Test
    void eachSnapshotAddsOneMontageSliceLabelledWithItsKimg() {
        TrainingPreview preview =
                new TrainingPreview("preview", false, TrainingPreview.BUDGET_BYTES);
        preview.snapshot(snapshot(0.008, grid(4, 1, 0)));
        ImagePlus first = preview.image();
        preview.snapshot(snapshot(1.008, grid(4, 1, 0.5f)));
        preview.snapshot(snapshot(2.5, grid(4, 1, 1)));
        ImagePlus imp = preview.image();
        assertSame(first, imp, "one image, updated in place");
        assertEquals(List.of("kimg 0.008", "kimg 1.008", "kimg 2.500"), labels(imp));
        assertEquals(4, imp.getWidth(), "2 x 2 tiles of 2 px");
        assertEquals(32, imp.getBitDepth());
        assertEquals(3, imp.getCurrentSlice(), "the newest slice is shown");
    }

    @Test
    void pixelsAreInTheDataUnitsAndTheDisplayRangeIsTheDataRange() {
        TrainingPreview preview =
                new TrainingPreview("preview", false, TrainingPreview.BUDGET_BYTES);
        preview.snapshot(snapshot(0.008, grid(3, 1, 0)));
        preview.snapshot(snapshot(1.008, grid(3, 1, 0.5f)));
        ImagePlus imp = preview.image();
        assertEquals(
                2000f,
                imp.getStack().getProcessor(1).getf(0, 0),
                1e-3f,
                "raw 0 is the middle of the data");
        assertEquals(2500f, imp.getStack().getProcessor(2).getf(0, 0), 1e-3f);
        assertEquals(
                1000f,
                imp.getStack().getProcessor(2).getf(3, 3),
                1e-3f,
                "the empty 4th cell is the low end");
        assertEquals(1000, imp.getDisplayRangeMin(), 1e-9);
        assertEquals(3000, imp.getDisplayRangeMax(), 1e-9);
    }

    @Test
    void aPerChannelMappingGivesEachChannelItsUnitsAndDisplayRange() {
        IntensityMapping two =
                IntensityMapping.ofDataRanges(new double[] {0, 1000}, new double[] {100, 5000});
        TrainingPreview preview = new TrainingPreview("two", false, TrainingPreview.BUDGET_BYTES);
        preview.snapshot(
                new Snapshot(
                        Path.of("s.sg2"), 0.008, grid(2, 2, 1), two, Snapshot.Reason.SCHEDULED));
        CompositeImage imp = (CompositeImage) preview.image();
        assertEquals(
                100f, imp.getStack().getProcessor(1).getf(0, 0), 1e-3f, "raw 1 is channel 1's top");
        assertEquals(
                5000f,
                imp.getStack().getProcessor(2).getf(0, 0),
                1e-3f,
                "raw 1 is channel 2's top");
        assertEquals(100, imp.getChannelLut(1).max, 1e-9);
        assertEquals(5000, imp.getChannelLut(2).max, 1e-9);
    }

    @Test
    void severalChannelsMakeAHyperstackOfChannelsBySnapshots() {
        TrainingPreview preview = new TrainingPreview("rgb", false, TrainingPreview.BUDGET_BYTES);
        preview.snapshot(snapshot(0.008, grid(2, 3, 0)));
        preview.snapshot(snapshot(1.008, grid(2, 3, 0)));
        ImagePlus imp = preview.image();
        assertTrue(imp instanceof CompositeImage);
        assertEquals(3, imp.getNChannels());
        assertEquals(2, imp.getNFrames());
        assertEquals(2, imp.getT(), "the newest snapshot is shown");
    }

    @Test
    void overTheBudgetEveryOtherOlderSliceGoesAndTheFirstAndNewestStay() {
        long slice = 4L * 4 * 2; // 1 channel, montage 4 x 2 px
        TrainingPreview preview = new TrainingPreview("preview", false, 4 * slice);
        for (int k = 0; k < 5; k++) {
            preview.snapshot(snapshot(k, grid(2, 1, 0)));
        }
        // 5 slices > 4: keep 0, 2 and the newest 4
        assertEquals(List.of("kimg 0.000", "kimg 2.000", "kimg 4.000"), labels(preview.image()));
        preview.snapshot(snapshot(5, grid(2, 1, 0)));
        assertEquals(
                List.of("kimg 0.000", "kimg 2.000", "kimg 4.000", "kimg 5.000"),
                labels(preview.image()));
    }

    @Test
    void snapshotsWithoutAGridShowNothing() {
        TrainingPreview preview =
                new TrainingPreview("preview", false, TrainingPreview.BUDGET_BYTES);
        preview.snapshot(snapshot(1, new GeneratedImages(new float[0], 0, 1, 2, 2, List.of())));
        assertNull(preview.image());
    }
}
