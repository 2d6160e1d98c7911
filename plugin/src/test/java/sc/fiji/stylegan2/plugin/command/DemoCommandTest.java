package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

/** Demo end to end through a SciJava context: the bundled model, written out and generated from. */
class DemoCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @Test
    void defaultSeedsGiveSixteenLabelled32PxImagesFromTheBundledModel() throws Exception {
        CommandModule demo = Commands.run(scijava.context(), DemoCommand.class);
        LabeledFloatImg img = Commands.output(demo, "images", LabeledFloatImg.class);
        assertArrayEquals(new long[] {32, 32, 16}, img.dimensionsAsLongArray());
        List<String> seeds =
                IntStream.range(0, 16).mapToObj(s -> "seed=" + s).collect(Collectors.toList());
        assertEquals(seeds, img.labels());
        Path model = Paths.get(Commands.output(demo, "model_file", String.class));
        assertTrue(Files.isRegularFile(model), model.toString());
    }

    /**
     * The same computation as Generate Images with its defaults on the written model_file and the
     * Demo's default seeds 0-15 (same task code, same two batches of 8): the images are equal bit
     * for bit.
     */
    @Test
    void imagesEqualGenerateImagesOnTheWrittenModelFile() throws Exception {
        CommandModule demo = Commands.run(scijava.context(), DemoCommand.class);
        File model = new File(Commands.output(demo, "model_file", String.class));
        CommandModule generate =
                Commands.run(
                        scijava.context(),
                        GenerateImagesCommand.class,
                        "model_file",
                        model,
                        "seeds",
                        "0-15");
        LabeledFloatImg expected = Commands.output(generate, "images", LabeledFloatImg.class);
        LabeledFloatImg actual = Commands.output(demo, "images", LabeledFloatImg.class);
        assertEquals(expected.labels(), actual.labels());
        for (int n = 0; n < 16; n++) {
            assertArrayEquals(
                    ImageParts.image(expected, n), ImageParts.image(actual, n), "image " + n);
        }
    }
}
