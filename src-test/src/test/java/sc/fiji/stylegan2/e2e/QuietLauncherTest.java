package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run of the {@code ./stylegan2} script that goes well is quiet: each progress line once, and the
 * engine's and SciJava's information lines (DJL's CUDA probe and graph-executor notes, the training
 * log's {@code [INFO]} copies of the progress lines) only with {@code --verbose}.
 */
class QuietLauncherTest {

    /** Lines that are not the launcher's own: DJL's SLF4J lines and SciJava's log. */
    private static final Pattern CHATTER =
            Pattern.compile("ai\\.djl|CudaUtils|graph executor|\\[INFO\\]");

    private static Path out;

    @BeforeAll
    static void workDir() throws Exception {
        out = E2E.workDir("quiet");
        E2E.pluginJar();
    }

    private static Processes.Result launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(E2E.repoRoot().resolve("stylegan2").toString()));
        cmd.addAll(List.of(args));
        return Processes.run(
                cmd,
                E2E.repoRoot(),
                Map.of("STYLEGAN2_NO_BUILD", "1", "OMP_NUM_THREADS", "2"),
                180);
    }

    @Test
    void trainingPrintsEachProgressLineOnceAndNoEngineChatter() throws Exception {
        Path tif = E2E.trainingImages(out.resolve("stack.tif"));
        Processes.Result r =
                launch(
                        "--run",
                        "Train StyleGAN2",
                        "images='"
                                + tif
                                + "',output_dir='"
                                + out.resolve("run")
                                + "',resolution=8,kimg=0.032,snapshot_kimg=0.016");
        assertEquals(0, r.code(), r.all());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("stylegan2: [") && l.contains("tick 1")),
                r.err());
        for (String line : lines) {
            assertTrue(line.startsWith("stylegan2: "), "not the launcher's own line: " + line);
            assertFalse(CHATTER.matcher(line).find(), line);
        }
        assertFalse(
                CHATTER.matcher(r.out()).find(),
                "SciJava's log prints [INFO] on stdout:\n" + r.out());
        Set<String> ticks = new HashSet<>();
        for (String line : lines) {
            String tick = line.replaceFirst(".*(tick \\d+).*", "$1");
            assertTrue(
                    !line.contains("tick ") || ticks.add(tick),
                    "printed twice: " + tick + " in\n" + r.err());
        }
    }

    @Test
    void verboseShowsTheEngineLines() throws Exception {
        Processes.Result r =
                launch("--run", "Model Info", "model_file='" + E2E.rgb32() + "'", "--verbose");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.all().contains("ai.djl"), r.all());
    }

    @Test
    void withoutVerboseTheSameRunShowsNone() throws Exception {
        Processes.Result r = launch("--run", "Model Info", "model_file='" + E2E.rgb32() + "'");
        assertEquals(0, r.code(), r.all());
        assertFalse(CHATTER.matcher(r.all()).find(), r.all());
    }
}
