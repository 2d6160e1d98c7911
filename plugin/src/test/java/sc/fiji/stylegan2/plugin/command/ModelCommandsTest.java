package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/**
 * Model Info and Convert Checkpoint end to end through a SciJava scijava.context(), on the 64 px
 * fixture.
 */
class ModelCommandsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    @Test
    void modelInfoDescribesTheFixtureResolution() throws Exception {
        String info =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                ModelInfoCommand.class,
                                "model_file",
                                Fixtures.gray64Pickle().toFile()),
                        "info",
                        String.class);
        assertTrue(info.contains("64"), info);
        assertTrue(info.lines().count() > 1, info);
    }

    @Test
    void convertedCheckpointGeneratesTheOfficialImages() throws Exception {
        String message =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                ConvertCheckpointCommand.class,
                                "model_file",
                                Fixtures.gray64Pickle().toFile(),
                                "output_file",
                                tmp.resolve("converted").toFile()),
                        "message",
                        String.class);
        Path sg2 = tmp.resolve("converted.sg2");
        assertTrue(Files.size(sg2) > 0);
        assertTrue(message.contains(sg2.toString()));

        float[] data =
                Commands.output(
                                Commands.run(
                                        scijava.context(),
                                        GenerateImagesCommand.class,
                                        "model_file",
                                        sg2.toFile(),
                                        "seeds",
                                        "1",
                                        "output_range",
                                        "raw"),
                                "images",
                                LabeledFloatImg.class)
                        .data();
        assertImagesClose(
                Fixtures.gray64Image(1, "1p00"),
                data,
                Images.OFFICIAL,
                "seed 1 of the converted model against the official image");
    }
}
