package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

/**
 * The {@code condition} key of every command that generates, on the official conditional fixture
 * (32 px, 4 classes, made by the official code): what each command makes of a seed under class 3 is
 * made of the official class-3 w and image of that seed.
 */
class ConditionalCommandsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir static Path dir;

    private static final Path MODEL = Fixtures.cond4("network-snapshot-000000.pkl");

    private static CommandModule run(Class<? extends Command> type, Object... keyValues)
            throws Exception {
        return Commands.run(
                scijava.context(), type, Map.of("model_file", MODEL.toFile()), keyValues);
    }

    private static LabeledFloatImg output(CommandModule m, String name) {
        return Commands.output(m, name, LabeledFloatImg.class);
    }

    /** The official class-3 image of a seed, without truncation. */
    private static float[] official(int seed) throws Exception {
        return Fixtures.readFloats(Fixtures.cond4("img_seed" + seed + "_psi1p00_c3.bin"));
    }

    @Test
    void styleMixingWithEveryColumnStyleGivesTheOfficialColumnImages() throws Exception {
        LabeledFloatImg cells =
                output(
                        run(
                                StyleMixingCommand.class,
                                "row_seeds",
                                "0",
                                "col_seeds",
                                "1-2",
                                "col_styles",
                                "0-7",
                                "condition",
                                "3",
                                "output_range",
                                "raw"),
                        "cells");
        assertEquals(
                List.of(
                        "row seed=0 class=3, col seed=1 class=3",
                        "row seed=0 class=3, col seed=2 class=3"),
                cells.labels());
        for (int c = 0; c < 2; c++) {
            assertImagesClose(
                    official(c + 1),
                    ImageParts.image(cells, c),
                    Images.OFFICIAL,
                    "cell " + c + " against the official class-3 image of seed " + (c + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"w", "z"})
    void interpolationStartsAndEndsAtTheOfficialClassImages(String space) throws Exception {
        LabeledFloatImg frames =
                output(
                        run(
                                InterpolateLatentsCommand.class,
                                "seeds",
                                "0,1",
                                "frames",
                                2,
                                "space",
                                space,
                                "condition",
                                "3",
                                "output_range",
                                "raw"),
                        "images");
        assertEquals(4, frames.labels().size());
        assertImagesClose(official(0), ImageParts.image(frames, 0), Images.OFFICIAL, "first frame");
        assertImagesClose(official(1), ImageParts.image(frames, 3), Images.OFFICIAL, "last frame");
    }

    @Test
    void activationsOfASeedUnderAConditionAreThoseOfItsOfficialW() throws Exception {
        Path w = dir.resolve("official_w_seed2_c3.npz");
        LatentFile.write(
                w,
                new Latents(
                        1, 8, 64, Fixtures.readFloats(Fixtures.cond4("w_seed2_psi1p00_c3.bin"))));
        LabeledFloatImg bySeed =
                output(
                        run(
                                ShowActivationsCommand.class,
                                "seed",
                                2L,
                                "condition",
                                "3",
                                "layer",
                                "b16.conv1"),
                        "activations");
        LabeledFloatImg byW =
                output(
                        run(
                                ShowActivationsCommand.class,
                                "latent_file",
                                w.toFile(),
                                "layer",
                                "b16.conv1"),
                        "activations");
        assertImagesClose(
                byW.data(),
                bySeed.data(),
                Images.OFFICIAL,
                "b16.conv1 of seed 2 under class 3 against that of the official w");
    }

    @Test
    void stochasticVariationOfASeedUnderAConditionIsThatOfItsOfficialW() throws Exception {
        Path w = officialW(1);
        LabeledFloatImg bySeed =
                output(
                        run(
                                StochasticVariationCommand.class,
                                "seed",
                                1L,
                                "samples",
                                2,
                                "condition",
                                "3",
                                "output_range",
                                "raw"),
                        "images");
        LabeledFloatImg byW =
                output(
                        run(
                                StochasticVariationCommand.class,
                                "latent_file",
                                w.toFile(),
                                "samples",
                                2,
                                "output_range",
                                "raw"),
                        "images");
        assertTrue(bySeed.labels().get(0).startsWith("seed=1 class=3"), bySeed.labels().get(0));
        // Sample k draws its noise from a generator seeded with k: the same noise both times.
        assertImagesClose(
                byW.data(), bySeed.data(), Images.OFFICIAL, "samples of seed 1 under class 3");
    }

    /** The official class-3 w of a seed, without truncation, as a latent file. */
    private static Path officialW(int seed) throws Exception {
        Path w = dir.resolve("official_w_seed" + seed + "_c3.npz");
        LatentFile.write(
                w,
                new Latents(
                        1,
                        8,
                        64,
                        Fixtures.readFloats(Fixtures.cond4("w_seed" + seed + "_psi1p00_c3.bin"))));
        return w;
    }

    @Test
    void projectionUnderAConditionReachesAnImageOfThatClass() throws Exception {
        LabeledFloatImg target =
                output(run(GenerateImagesCommand.class, "seeds", "3", "condition", "3"), "images");
        Path tif = dir.resolve("class3-seed3.tif");
        TiffStackWriter.save(ImageJ1Stacks.toImagePlus("target", target), tif);
        CommandModule m =
                run(
                        ProjectImageCommand.class,
                        "target",
                        tif.toFile(),
                        "condition",
                        "3",
                        "num_steps",
                        30,
                        "save_every",
                        10);
        LabeledFloatImg steps = output(m, "optimisation");
        LabeledFloatImg result = output(m, "reconstruction");
        double first = Images.meanAbsDiff(target.data(), ImageParts.image(steps, 0));
        double last = Images.meanAbsDiff(target.data(), result.data());
        assertTrue(last < first, "reconstruction error " + last + " after step 0's " + first);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                StyleMixingCommand.class,
                InterpolateLatentsCommand.class,
                ShowActivationsCommand.class,
                StochasticVariationCommand.class,
                ProjectImageCommand.class
            })
    void conditionalModelWithoutAConditionNamesTheClasses(Class<? extends Command> type)
            throws Exception {
        Object[] target = type == ProjectImageCommand.class ? targetOf() : new Object[0];
        String reason = Commands.cancelReason(run(type, target));
        assertEquals(
                "condition: this model is conditional (4 classes: 0..3); give condition=K", reason);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                StyleMixingCommand.class,
                InterpolateLatentsCommand.class,
                ShowActivationsCommand.class,
                StochasticVariationCommand.class,
                ProjectImageCommand.class
            })
    void unconditionalModelGivenAConditionIsRefused(Class<? extends Command> type)
            throws Exception {
        Object[] keys =
                type == ProjectImageCommand.class
                        ? new Object[] {"target", targetFile().toFile(), "condition", "1"}
                        : new Object[] {"condition", "1"};
        String reason =
                Commands.cancelReason(
                        Commands.run(
                                scijava.context(),
                                type,
                                Map.of("model_file", Fixtures.rgb32Pickle().toFile()),
                                keys));
        assertEquals(
                "condition '1' given, but this model is unconditional (it has no classes); leave"
                        + " condition empty",
                reason);
    }

    private static Object[] targetOf() throws Exception {
        return new Object[] {"target", targetFile().toFile()};
    }

    /** A 32 px one-channel target image. */
    private static Path targetFile() throws Exception {
        Path tif = dir.resolve("target.tif");
        if (!tif.toFile().exists()) {
            LabeledFloatImg img =
                    output(
                            run(GenerateImagesCommand.class, "seeds", "0", "condition", "0"),
                            "images");
            TiffStackWriter.save(ImageJ1Stacks.toImagePlus("target", img), tif);
        }
        return tif;
    }
}
