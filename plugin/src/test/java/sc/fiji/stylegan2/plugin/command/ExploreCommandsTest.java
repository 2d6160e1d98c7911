package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;
import static sc.fiji.stylegan2.plugin.testutil.ImageParts.image;

import ij.measure.ResultsTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.testutil.Float32;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * Interpolate Latents, Stochastic Variation and Show Activations through CommandService, 64 px
 * fixture.
 */
class ExploreCommandsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    /** The command on the 64 px fixture with {@code keyValues}. */
    private static CommandModule run(Class<? extends Command> type, Object... keyValues)
            throws Exception {
        return Commands.run(
                scijava.context(),
                type,
                Map.of("model_file", Fixtures.gray64Pickle().toFile()),
                keyValues);
    }

    @ParameterizedTest
    @ValueSource(strings = {"z", "w"})
    void interpolationStartsAndEndsOnTheSeedsOfficialImages(String space) throws Exception {
        LabeledFloatImg frames =
                Commands.output(
                        run(
                                InterpolateLatentsCommand.class,
                                "seeds",
                                "0,1",
                                "frames",
                                2,
                                "space",
                                space,
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(
                List.of("seed=0", "seed=0>1 t=0.333", "seed=0>1 t=0.667", "seed=1"),
                frames.labels());
        assertImagesClose(
                Fixtures.gray64Image(0, "1p00"),
                image(frames, 0),
                Images.OFFICIAL,
                "first frame against the official seed 0");
        assertImagesClose(
                Fixtures.gray64Image(1, "1p00"),
                image(frames, 3),
                Images.OFFICIAL,
                "last frame against the official seed 1");
    }

    @Test
    void zAndWPathsMeetAtTheSeedsButDifferBetween() throws Exception {
        LabeledFloatImg z =
                Commands.output(
                        run(
                                InterpolateLatentsCommand.class,
                                "seeds",
                                "2,3",
                                "frames",
                                1,
                                "space",
                                "z"),
                        "images",
                        LabeledFloatImg.class);
        LabeledFloatImg w =
                Commands.output(
                        run(
                                InterpolateLatentsCommand.class,
                                "seeds",
                                "2,3",
                                "frames",
                                1,
                                "space",
                                "w"),
                        "images",
                        LabeledFloatImg.class);
        // Seed 2's frame comes from z mapped in a batch of three frames on one path and from the
        // keys mapped
        // together on the other: different batches, so equal up to float32 rounding.
        assertImagesClose(
                image(z, 0),
                image(w, 0),
                Float32.synthesis(Fixtures.gray64Config(), image(z, 0)),
                "seed 2 through z against through w");
        double diff = Images.maxAbsDiff(image(z, 1), image(w, 1));
        assertTrue(
                diff > 0.1, "slerp in Z and lerp in W give different midpoints, max diff " + diff);
    }

    @Test
    void zeroFramesAndASingleSeedCancelNamingTheKey() throws Exception {
        assertEquals(
                "frames 0 is not valid: give 1 or more (images between each pair of seeds)",
                Commands.cancelReason(run(InterpolateLatentsCommand.class, "frames", 0)));
        assertEquals(
                "seeds '3' gives 1 seed: give at least 2, e.g. 0-3",
                Commands.cancelReason(run(InterpolateLatentsCommand.class, "seeds", "3")));
    }

    @Test
    void withoutNoiseTheSamplesAreTheNoiselessImageAndTheStdIsZero() throws Exception {
        CommandModule m =
                run(
                        StochasticVariationCommand.class,
                        "seed",
                        2L,
                        "samples",
                        3,
                        "noise_layers",
                        "none",
                        "output_range",
                        "raw");
        LabeledFloatImg samples = Commands.output(m, "images", LabeledFloatImg.class);
        LabeledFloatImg std = Commands.output(m, "std", LabeledFloatImg.class);
        LabeledFloatImg noiseless =
                Commands.output(
                        run(
                                GenerateImagesCommand.class,
                                "seeds",
                                "2",
                                "noise_mode",
                                "none",
                                "output_range",
                                "raw"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(
                List.of("seed=2 noise=0", "seed=2 noise=1", "seed=2 noise=2"), samples.labels());
        // A batch of one against the third of a batch of three: equal up to float32 rounding.
        assertImagesClose(
                noiseless.data(),
                image(samples, 2),
                Float32.synthesis(Fixtures.gray64Config(), noiseless.data()),
                "Generate Images without noise against a noiseless sample");
        assertEquals(0, max(std.data()), 1e-6);
    }

    @Test
    void noiseInAllLayersGivesAPositiveStdImage() throws Exception {
        CommandModule m =
                run(StochasticVariationCommand.class, "samples", 3, "noise_layers", "all");
        LabeledFloatImg std = Commands.output(m, "std", LabeledFloatImg.class);
        assertArrayEquals(new long[] {64, 64, 1}, std.dimensionsAsLongArray());
        assertTrue(max(std.data()) > 0.1, "max std " + max(std.data()));
        assertEquals("std of 3 samples, noise_layers=all", std.labels().get(0));
    }

    @Test
    void oneSampleAndAnUnknownNoiseGroupCancelNamingTheKey() throws Exception {
        assertEquals(
                "samples 1 is not valid: give 2 or more (the std needs several)",
                Commands.cancelReason(run(StochasticVariationCommand.class, "samples", 1)));
        assertTrue(
                Commands.cancelReason(run(StochasticVariationCommand.class, "noise_layers", "most"))
                        .startsWith("noise_layers 'most' is not valid"));
    }

    @Test
    void activationsAreOneLabelledSlicePerChannelWithMatchingStatistics() throws Exception {
        CommandModule m = run(ShowActivationsCommand.class, "seed", 1L, "layer", "b8.conv0");
        LabeledFloatImg maps = Commands.output(m, "activations", LabeledFloatImg.class);
        ResultsTable stats = Commands.output(m, "statistics", ResultsTable.class);
        assertArrayEquals(
                new long[] {8, 8, 64},
                maps.dimensionsAsLongArray()); // channels(8) = min(2048/8, 64)
        assertEquals("channel 0", maps.labels().get(0));
        assertEquals("channel 63", maps.labels().get(63));
        assertEquals(64, stats.size());
        float[] slice5 = image(maps, 5);
        double mean = 0;
        for (float v : slice5) {
            mean += v / slice5.length;
        }
        assertEquals(5, stats.getValue("channel", 5), 0);
        assertEquals(mean, stats.getValue("mean", 5), 1e-5);
        assertEquals(max(slice5), stats.getValue("max", 5), 1e-6);
        assertNull(m.getOutput("montage"));
    }

    @Test
    void allLayersAddsAMontageTileAndATableRowPerLayer() throws Exception {
        CommandModule m =
                run(
                        ShowActivationsCommand.class,
                        "layer",
                        "synthesis.b64.torgb",
                        "all_layers",
                        true);
        LabeledFloatImg montage = Commands.output(m, "montage", LabeledFloatImg.class);
        ResultsTable layers = Commands.output(m, "layer_statistics", ResultsTable.class);
        assertEquals(14, layers.size()); // b4: conv1, torgb; b8..b64: conv0, conv1, torgb
        assertEquals("b4.conv1", layers.getStringValue("layer", 0));
        assertEquals(64, layers.getValue("size", 13), 0);
        double agreement = layers.getValue("peak agreement", 13);
        assertTrue(agreement > 0 && agreement <= 1, "a fraction of channels: " + agreement);
        assertArrayEquals(
                new long[] {4 * 64, 4 * 64, 1}, montage.dimensionsAsLongArray()); // 4 x 4 tiles
        assertEquals(1f, max(montage.data()), 1e-6f);
        assertEquals(
                List.of("channel 0"),
                Commands.output(m, "activations", LabeledFloatImg.class).labels());
    }

    @Test
    void unknownLayerCancelsListingTheValidLayers() throws Exception {
        String reason =
                Commands.cancelReason(run(ShowActivationsCommand.class, "layer", "b5.conv1"));
        assertTrue(
                reason.startsWith(
                        "layer 'b5.conv1' does not exist in this model; valid layers: b4.conv1,"
                                + " b4.torgb, b8.conv0"),
                reason);
        assertTrue(reason.endsWith("b64.torgb"), reason);
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
