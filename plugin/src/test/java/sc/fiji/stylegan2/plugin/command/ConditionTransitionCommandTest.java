package sc.fiji.stylegan2.plugin.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import sc.fiji.stylegan2.model.explore.TransitionMethod;
import sc.fiji.stylegan2.model.latent.LatentFile;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Commands;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.HeadlessContext;

/** Condition Transition through CommandService on the conditional fixture (4 classes, 32 px). */
class ConditionTransitionCommandTest {

    @RegisterExtension static final HeadlessContext scijava = new HeadlessContext();
    private static final Map<String, Object> MODEL =
            Map.of(
                    "model_file",
                    Fixtures.cond4("network-snapshot-000000.pkl").toFile(),
                    "output_range",
                    "raw",
                    "truncation_psi",
                    0.7);

    @TempDir Path tmp;

    private static LabeledFloatImg images(CommandModule m, String key) {
        return Commands.output(m, key, LabeledFloatImg.class);
    }

    private static float[] image(LabeledFloatImg img, int i) {
        int per = img.channels() * (int) (img.dimension(0) * img.dimension(1));
        return Arrays.copyOfRange(img.data(), i * per, (i + 1) * per);
    }

    private static LabeledFloatImg generate(int condition) throws Exception {
        return images(
                Commands.run(
                        scijava.context(),
                        GenerateImagesCommand.class,
                        MODEL,
                        "seeds",
                        "2,3",
                        "condition",
                        String.valueOf(condition)),
                "images");
    }

    @Test
    void wLerpFirstAndLastFramesAreGenerateImagesOfEachClass() throws Exception {
        LabeledFloatImg frames =
                images(
                        Commands.run(
                                scijava.context(),
                                ConditionTransitionCommand.class,
                                MODEL,
                                "seeds",
                                "2,3",
                                "from_condition",
                                "3",
                                "to_condition",
                                "0",
                                "frames",
                                4),
                        "images");
        LabeledFloatImg a = generate(3), b = generate(0);
        for (int s = 0; s < 2; s++) {
            // the same computation in other batch shapes: equal up to oneDNN's kernel choice
            assertImagesClose(image(a, s), image(frames, 4 * s), 1e-5, "t=0 seed " + s);
            assertImagesClose(image(b, s), image(frames, 4 * s + 3), 1e-5, "t=1 seed " + s);
        }
        assertEquals("seed=3 class=3>0 t=0.333", frames.labels().get(5));
    }

    @Test
    void classMeanMovesLatentFilesAndWritesOneAvi() throws Exception {
        Path w = tmp.resolve("cell_w.npz");
        int per = 8 * 64; // num_ws x w_dim of the fixture
        float[] ws = new float[per];
        Arrays.fill(ws, 0.1f);
        LatentFile.write(w, new Latents(1, 8, 64, ws));
        Path avi = tmp.resolve("t.avi");
        LabeledFloatImg frames =
                images(
                        Commands.run(
                                scijava.context(),
                                ConditionTransitionCommand.class,
                                MODEL,
                                "latent_files",
                                w.toString(),
                                "method",
                                "class_mean",
                                "class_samples",
                                16,
                                "frames",
                                3,
                                "avi_file",
                                avi.toFile()),
                        "images");
        assertEquals(
                List.of(
                        "cell_w.npz[0] class=0>1 t=0.000",
                        "cell_w.npz[0] class=0>1 t=0.500",
                        "cell_w.npz[0] class=0>1 t=1.000"),
                frames.labels());
        byte[] head = Arrays.copyOf(Files.readAllBytes(avi), 4);
        assertArrayEquals("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), head);
    }

    @Test
    void methodChoicesAreTheTransitionMethods() {
        assertEquals(
                Arrays.stream(TransitionMethod.values()).map(TransitionMethod::key).toList(),
                new CommandInfo(ConditionTransitionCommand.class).getInput("method").getChoices());
    }
}
