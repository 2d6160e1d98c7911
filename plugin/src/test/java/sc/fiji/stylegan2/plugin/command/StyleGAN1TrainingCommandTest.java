package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.BlobTraining;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;

/**
 * Train StyleGAN2 with {@code architecture='stylegan1'}: 16 px blobs grown from 8 px with phases of
 * 4 images (minibatch 8 at 8 px, 4 at 16 px).
 */
class StyleGAN1TrainingCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    private CommandModule train(double kimg, String resume, Object... keyValues) throws Exception {
        return Commands.run(
                scijava.context(),
                TrainStyleGAN2Command.class,
                BlobTraining.keys(tmp.resolve("run"), kimg, resume),
                keyValues);
    }

    @Test
    void growingRunResumesAndItsCheckpointGeneratesAsAV1Model() throws Exception {
        Object[] keys = {
            "resolution", 16, "architecture", "stylegan1", "growing", true, "lod_kimg", 0.004
        };
        Commands.output(train(0.008, "", keys), "checkpoint", File.class);
        File last = Commands.output(train(0.024, "latest", keys), "checkpoint", File.class);
        TrainingCheckpoint c = TrainingCheckpoint.read(last.toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(Architecture.STYLEGAN1, model.config().architecture());
            assertEquals(0, c.options().loss().plWeight(), "v1 trains without path length");
            assertEquals(0.0, model.lod(), "16 px from 8 images on (phases of 4 + 4)");
        }
        LabeledFloatImg img =
                Commands.output(
                        Commands.run(
                                scijava.context(),
                                GenerateImagesCommand.class,
                                "model_file",
                                last,
                                "seeds",
                                "0-1"),
                        "images",
                        LabeledFloatImg.class);
        assertEquals(2, img.labels().size());
    }

    @Test
    void growingAStyleGAN2ModelIsRefusedWithOneLine() throws Exception {
        String reason = Commands.cancelReason(train(0.008, "", "growing", true));
        assertTrue(reason.startsWith("growing=true needs architecture='stylegan1'"), reason);
        assertEquals(1, reason.lines().count());
    }

    @Test
    void anUnknownArchitectureIsRefusedNamingTheValidOnes() throws Exception {
        String reason = Commands.cancelReason(train(0.008, "", "architecture", "stylegan3"));
        assertTrue(reason.contains("architecture must be 'stylegan2' or 'stylegan1'"), reason);
    }
}
