package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.DiscriminatorConfig;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * Every generating and exploring command on a StyleGAN (v1) model: a tiny untrained one saved as
 * .sg2 mid fade-in (lod 0.5), with non-zero noise strengths so that noise has an effect.
 */
class StyleGAN1CommandsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    @TempDir static Path dir;
    private static Path modelFile;

    @BeforeAll
    static void saveATinyV1Model() throws Exception {
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(16)
                        .setWDim(16)
                        .setMappingLayers(2)
                        .setResolution(16)
                        .setImgChannels(1)
                        .setChannelBase(128)
                        .setChannelMax(16)
                        .optArchitecture(Architecture.STYLEGAN1)
                        .build();
        modelFile = dir.resolve("v1.sg2");
        try (StyleGAN2Model model =
                StyleGAN2Model.create(
                        cfg,
                        DiscriminatorConfig.matching(cfg),
                        IntensityMapping.ofDataRange(0, 255),
                        5)) {
            model.generator().namedParameters().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("noise_weight"))
                    .forEach(
                            e -> {
                                float[] v = new float[(int) e.getValue().size()];
                                java.util.Arrays.fill(v, 0.5f);
                                e.getValue().set(v);
                            });
            model.setLod(0.5);
            model.save(modelFile);
        }
    }

    private static CommandModule run(Class<? extends Command> type, Object... keyValues)
            throws Exception {
        CommandModule m =
                Commands.run(
                        scijava.context(),
                        type,
                        Map.of("model_file", modelFile.toFile()),
                        keyValues);
        assertFalse(m.isCanceled(), () -> type.getSimpleName() + ": " + m.getCancelReason());
        return m;
    }

    private static LabeledFloatImg images(CommandModule m, String name) {
        return Commands.output(m, name, LabeledFloatImg.class);
    }

    @Test
    void generateImagesGivesOneImagePerSeed() throws Exception {
        LabeledFloatImg img = images(run(GenerateImagesCommand.class, "seeds", "0-2"), "images");
        assertEquals(3, img.labels().size());
        assertEquals(16, img.dimension(0));
    }

    @Test
    void styleMixingGivesTheGrid() throws Exception {
        LabeledFloatImg cells =
                images(
                        run(StyleMixingCommand.class, "row_seeds", "0-1", "col_seeds", "2-3"),
                        "cells");
        assertEquals(4, cells.labels().size(), "2 row seeds x 2 column seeds");
    }

    @Test
    void interpolateLatentsGivesTheFrames() throws Exception {
        LabeledFloatImg frames =
                images(run(InterpolateLatentsCommand.class, "seeds", "0,1", "frames", 2), "images");
        assertEquals(4, frames.labels().size());
    }

    @Test
    void stochasticVariationVariesWithTheNoise() throws Exception {
        CommandModule m = run(StochasticVariationCommand.class, "seed", 1L, "samples", 3);
        LabeledFloatImg std = images(m, "std");
        double max = 0;
        for (float v :
                ImageJ1Stacks.toImagePlus("std", std)
                        .getStack()
                        .getProcessor(1)
                        .getFloatArray()[0]) {
            max = Math.max(max, v);
        }
        assertTrue(max > 0, "noise changes the image");
    }

    @Test
    void showActivationsReportsEveryV1Layer() throws Exception {
        CommandModule m =
                run(ShowActivationsCommand.class, "layer", "b4.const", "all_layers", true);
        ResultsTable layers = Commands.output(m, "layer_statistics", ResultsTable.class);
        assertEquals(
                StyleGAN2Model.load(modelFile).layerNames().size(),
                layers.size(),
                "one row a layer");
    }

    @Test
    void projectImageReconstructsAGeneratedTarget() throws Exception {
        LabeledFloatImg target = images(run(GenerateImagesCommand.class, "seeds", "4"), "images");
        Path tif = dir.resolve("target.tif");
        TiffStackWriter.save(ImageJ1Stacks.toImagePlus("target", target), tif);
        CommandModule m =
                run(
                        ProjectImageCommand.class,
                        "target",
                        tif.toFile(),
                        "num_steps",
                        4,
                        "save_every",
                        2,
                        "latent_file",
                        dir.resolve("projected").toFile());
        LabeledFloatImg rec = images(m, "reconstruction");
        assertEquals(1, rec.labels().size());
        assertEquals(16, rec.dimension(0));
    }

    @Test
    void modelInfoShowsTheArchitectureAndTheLod() throws Exception {
        String info = Commands.output(run(ModelInfoCommand.class), "info", String.class);
        assertTrue(info.contains("architecture: stylegan1"), info);
        assertTrue(info.contains("lod 0.5"), info);
    }
}
