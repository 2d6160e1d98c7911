package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;

/**
 * Train StyleGAN2 with {@code conditions=folders} on 8 px images of two conditions (dim and
 * bright), through a SciJava context: the checkpoint is a conditional model that keeps the names.
 */
class ConditionalTrainingCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    /** Four 8 px images per condition folder: dim (around 50) and bright (around 200). */
    private Path images() throws Exception {
        Path data = tmp.resolve("data");
        Random r = new Random(2);
        for (String condition : List.of("dim", "bright")) {
            Files.createDirectories(data.resolve(condition));
            for (int i = 0; i < 4; i++) {
                float[] px = new float[64];
                for (int k = 0; k < px.length; k++) {
                    px[k] = (condition.equals("dim") ? 50 : 200) + 20 * r.nextFloat();
                }
                String file = data.resolve(condition).resolve(i + ".tif").toString();
                assertTrue(
                        new FileSaver(new ImagePlus("x", new FloatProcessor(8, 8, px)))
                                .saveAsTiff(file));
            }
        }
        return data;
    }

    private CommandModule train(Path data, double kimg, String resume) throws Exception {
        return Commands.run(
                scijava.context(),
                TrainStyleGAN2Command.class,
                Map.of(
                        "images",
                        data.toFile(),
                        "output_dir",
                        tmp.resolve("run").toFile(),
                        "resolution",
                        8,
                        "kimg",
                        kimg,
                        "snapshot_kimg",
                        0.008,
                        "resume",
                        resume,
                        "conditions",
                        "folders"));
    }

    @Test
    void foldersTrainAConditionalModelThatKeepsTheirNames() throws Exception {
        File checkpoint = Commands.output(train(images(), 0.008, ""), "checkpoint", File.class);
        try (StyleGAN2Model model = StyleGAN2Model.load(checkpoint.toPath())) {
            assertEquals(List.of("bright", "dim"), model.classes().names());
            assertEquals(2, model.config().cDim());
        }
    }

    @Test
    void resumeLatestContinuesTheConditionalRun() throws Exception {
        Path data = images();
        Commands.output(train(data, 0.008, ""), "checkpoint", File.class);
        File checkpoint = Commands.output(train(data, 0.016, "latest"), "checkpoint", File.class);
        TrainingCheckpoint c = TrainingCheckpoint.read(checkpoint.toPath());
        try (StyleGAN2Model model = c.model()) {
            assertEquals(16, c.state().curNimg());
            assertEquals(List.of("bright", "dim"), model.classes().names());
        }
    }
}
