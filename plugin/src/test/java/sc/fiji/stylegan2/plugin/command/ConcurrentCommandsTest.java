package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.BlobTraining;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;
import sc.fiji.stylegan2.training.checkpoint.SnapshotFiles;

/**
 * Two commands at once in one SciJava context, as two menu commands in one Fiji: each gives exactly
 * what it gives alone. Exactly, because each does the same computation as alone: the same batches
 * in the same order, with libtorch's grad mode (per thread, on in a new thread) switched off by
 * generation in its own thread, and libtorch's intra-op parallelism per calling thread (each caller
 * gets its own OpenMP team of OMP_NUM_THREADS), so no reduction is split differently. Training
 * during generation once came out different: loading the model for generation drew initial weights
 * from libtorch's one process-wide random generator between a minibatch's reseed and its draws;
 * {@code GlobalRandom} now keeps those apart.
 */
class ConcurrentCommandsTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();

    @TempDir Path tmp;

    /**
     * Generate Images of 32 seeds of the 64 px fixture, 8 batches of 4 (so two runs interleave).
     */
    private static Future<CommandModule> generate(String seeds) {
        return Commands.start(
                scijava.context(),
                GenerateImagesCommand.class,
                Map.of(),
                "model_file",
                Fixtures.gray64Pickle().toFile(),
                "seeds",
                seeds,
                "truncation_psi",
                0.7,
                "batch_size",
                4);
    }

    /**
     * Train StyleGAN2 on 8 px blobs, config small, 4 minibatches of 4 with a checkpoint every 8
     * images.
     */
    private Future<CommandModule> train(Path dir) throws Exception {
        return Commands.start(
                scijava.context(), TrainStyleGAN2Command.class, BlobTraining.keys(dir, 0.016, ""));
    }

    private static float[] images(Future<CommandModule> run) throws Exception {
        return Commands.output(run.get(), "images", LabeledFloatImg.class).data();
    }

    @Test
    void twoGenerateImagesAtOnceGiveWhatEachGivesAlone() throws Exception {
        float[] aloneA = images(generate("0-31"));
        float[] aloneB = images(generate("100-131"));

        Future<CommandModule> a = generate("0-31");
        Future<CommandModule> b = generate("100-131");

        assertArrayEquals(aloneA, images(a));
        assertArrayEquals(aloneB, images(b));
    }

    @Test
    void generateImagesDuringTrainingGivesWhatEachGivesAlone() throws Exception {
        float[] aloneImages = images(generate("0-31"));
        Commands.output(train(tmp.resolve("alone")).get(), "message", String.class);

        Future<CommandModule> training = train(tmp.resolve("together"));
        Future<CommandModule> generation = generate("0-31");

        assertArrayEquals(aloneImages, images(generation));
        Commands.output(training.get(), "message", String.class);
        assertArrayEquals(
                trainedImages(tmp.resolve("alone")), trainedImages(tmp.resolve("together")));
    }

    /** Images of G_ema from the run's last checkpoint (raw floats of seeds 0-7). */
    private static float[] trainedImages(Path runDir) throws Exception {
        Path last = SnapshotFiles.latest(runDir).orElseThrow();
        try (StyleGAN2Model model = StyleGAN2Model.load(last)) {
            return model.generate(
                            GenerateRequest.builder(0, 1, 2, 3, 4, 5, 6, 7).build(),
                            ProgressListener.NONE)
                    .data();
        }
    }
}
