package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * Every image a command makes carries its pixel size to ImageJ: the model's (0.5 µm on the 32 px
 * RGB fixture) for the exploring commands, scaled for activations, and the target's for Project
 * Image.
 */
class CalibratedOutputsTest {

    private static final Calibration MODEL = new Calibration(0.5, 0.5, "micron");

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    @TempDir static Path dir;
    private static Path model;

    @BeforeAll
    static void calibratedModel() throws Exception {
        model = Fixtures.calibratedRgb32(dir, MODEL);
    }

    private static CommandModule run(Class<? extends Command> type, Object... keyValues)
            throws Exception {
        CommandModule m =
                Commands.run(
                        scijava.context(), type, Map.of("model_file", model.toFile()), keyValues);
        assertFalse(m.isCanceled(), m::getCancelReason);
        return m;
    }

    /** Asserts the pixel size and unit of output {@code name} shown as an ImageJ 1.x image. */
    private static void assertPixelSize(
            double width, double height, String unit, CommandModule m, String name) {
        ij.measure.Calibration cal =
                ImageJ1Stacks.toImagePlus(name, Commands.output(m, name, LabeledFloatImg.class))
                        .getCalibration();
        assertEquals(width, cal.pixelWidth, 1e-12, name + " pixel width");
        assertEquals(height, cal.pixelHeight, 1e-12, name + " pixel height");
        assertEquals(unit, cal.getUnit(), name + " unit");
    }

    @Test
    void styleMixingGridAndCellsHaveTheModelsPixelSize() throws Exception {
        CommandModule m = run(StyleMixingCommand.class, "row_seeds", "0", "col_seeds", "1");
        assertPixelSize(0.5, 0.5, "micron", m, "grid");
        assertPixelSize(0.5, 0.5, "micron", m, "cells");
    }

    @Test
    void interpolationFramesHaveTheModelsPixelSize() throws Exception {
        CommandModule m = run(InterpolateLatentsCommand.class, "seeds", "0,1", "frames", 1);
        assertPixelSize(0.5, 0.5, "micron", m, "images");
    }

    @Test
    void stochasticVariationSamplesAndStdHaveTheModelsPixelSize() throws Exception {
        CommandModule m = run(StochasticVariationCommand.class, "samples", 2);
        assertPixelSize(0.5, 0.5, "micron", m, "images");
        assertPixelSize(0.5, 0.5, "micron", m, "std");
    }

    /**
     * Layer b8.conv0 of the 32 px model is 8 px: each activation covers 32/8 image pixels, 2 µm;
     * the montage's tiles are 32 px, so its pixels are the model's.
     */
    @Test
    void activationsHaveTheModelsPixelSizeTimesModelOverLayerResolution() throws Exception {
        CommandModule m =
                run(ShowActivationsCommand.class, "layer", "b8.conv0", "all_layers", true);
        assertPixelSize(2.0, 2.0, "micron", m, "activations");
        assertPixelSize(0.5, 0.5, "micron", m, "montage");
    }

    /**
     * A 64 px target with 0.1 x 0.2 mm pixels, cropped and resized to the model's 32 px: the
     * reconstruction and the optimisation stack have the target's pixels times 64/32, not the
     * model's.
     */
    @Test
    void projectionKeepsTheTargetsPixelSizeAtTheModelsResolution() throws Exception {
        ColorProcessor rgb = new ColorProcessor(64, 64);
        Random r = new Random(1);
        for (int i = 0; i < 64 * 64; i++) {
            rgb.set(i, r.nextInt(1 << 24));
        }
        ImagePlus target = new ImagePlus("target", rgb);
        target.getCalibration().pixelWidth = 0.1;
        target.getCalibration().pixelHeight = 0.2;
        target.getCalibration().setUnit("mm");
        Path tif = dir.resolve("calibrated-target.tif");
        new FileSaver(target).saveAsTiff(tif.toString());
        CommandModule m =
                run(
                        ProjectImageCommand.class,
                        "target",
                        tif.toFile(),
                        "num_steps",
                        2,
                        "save_every",
                        1);
        assertPixelSize(0.2, 0.4, "mm", m, "reconstruction");
        assertPixelSize(0.2, 0.4, "mm", m, "optimisation");
    }
}
