package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.checkpoint.TrainingCheckpoint;

/**
 * Ctrl-C and {@code kill} of a headless training run, as users stop one: {@code ./stylegan2 --run
 * "Train StyleGAN2" ...} set to train for hours is signalled once training has gone on past its
 * first checkpoint. The launcher {@code exec}s java, so the signal reaches the JVM, whose shutdown
 * hook cancels the run: it exits soon with the signal's status (128 + number), the first checkpoint
 * is byte for byte as it was, one more checkpoint was written at the cancel and loads with the
 * count it stopped at (and a resume from it continues that count), and no temporary file is left. A
 * second Ctrl-C while it waits stops it at once.
 */
class TrainCancelLauncherTest {

    /**
     * Minibatches of 64: the first checkpoint at 0.064 kimg, the next progress tick at 1.088 kimg.
     */
    private static final int BATCH = 64;

    private static final Pattern STOPPED =
            Pattern.compile("Stopped at ([0-9.]+) kimg; last checkpoint (\\S+)");
    private static final Pattern OUTPUT_FILE =
            Pattern.compile(
                    "network-snapshot-\\d+(-\\d+)*\\.sg2|fakes\\d+(-\\d+)*\\.tif|training_log\\.csv");

    private static Path work;
    private static Path images;

    @BeforeAll
    static void trainingImages() throws Exception {
        E2E.pluginJar(); // fail early with a clear message when the plugin is not packaged
        work = E2E.workDir("train-cancel");
        images = E2E.trainingImages(work.resolve("cells.tif"));
    }

    /** How a signalled run ended, and the first checkpoint as it was before the signal. */
    private record Stopped(
            Processes.Result result,
            Path output,
            Path first,
            byte[] firstBytes,
            double kimg,
            Path last) {}

    @Test
    void ctrlCWritesOneMoreCheckpointThatResumesAndLeavesTheFirstIntact() throws Exception {
        Stopped s = trainAndSignal("ctrl-c", "INT", 2);
        assertStoppedCleanly(s);
        String more =
                String.format(Locale.ROOT, "%.3f", s.kimg() + BATCH / 1000.0); // one more minibatch
        Processes.Result resumed =
                Processes.run(
                        launcher(s.output(), BATCH, more, "latest"), E2E.repoRoot(), env(), 180);
        assertEquals(0, resumed.code(), resumed.all());
        assertTrue(resumed.out().contains("Finished at " + more + " kimg"), resumed.all());
    }

    @Test
    void killWritesOneMoreCheckpointAndLeavesTheFirstIntact() throws Exception {
        assertStoppedCleanly(trainAndSignal("kill", "TERM", 15));
    }

    @Test
    void aSecondCtrlCStopsAtOnceWithoutACheckpointAndLeavesTheFirstIntact() throws Exception {
        Path output = work.resolve("ctrl-c-twice");
        // Minibatches of 1024 take seconds: the second Ctrl-C comes while the first is still
        // waiting for one.
        try (RunningProcess run = start(output, 1024)) {
            Path first = output.resolve("network-snapshot-000001.sg2");
            run.await(
                    () -> Files.exists(output.resolve("fakes000001.tif")), "first checkpoint", 180);
            byte[] firstBytes = Files.readAllBytes(first);
            run.signal("INT");
            run.awaitOutput("Ctrl-C again stops at once", 30);
            run.signal("INT");
            Processes.Result result = run.finish(30);
            assertEquals(130, result.code(), result.all());
            assertFalse(
                    result.out().contains("Stopped at"),
                    "halted before the run returned: " + result.all());
            assertArrayEquals(
                    firstBytes, Files.readAllBytes(first), "the first checkpoint is untouched");
            try (Stream<Path> files = Files.list(output)) {
                assertEquals(
                        List.of(
                                "fakes000001.tif",
                                "network-snapshot-000001.sg2",
                                "training_log.csv"),
                        files.map(f -> f.getFileName().toString()).sorted().toList(),
                        "no checkpoint at the cancel");
            }
        }
    }

    /**
     * Starts a run of 1000 kimg, waits for its first checkpoint (and grid) and for the next
     * progress tick, and sends the signal.
     */
    private static Stopped trainAndSignal(String name, String signal, int number) throws Exception {
        Path output = work.resolve(name);
        try (RunningProcess run = start(output, BATCH)) {
            Path first = output.resolve("network-snapshot-000000.sg2");
            run.await(
                    () -> Files.exists(output.resolve("fakes000000.tif")), "first checkpoint", 180);
            byte[] firstBytes = Files.readAllBytes(first);
            run.awaitOutput("] tick 1 ", 180);
            String program =
                    ProcessHandle.of(run.pid()).flatMap(h -> h.info().command()).orElse("");
            assertTrue(
                    program.endsWith("/java"),
                    "the launcher execs java, so the signal reaches it: " + program);
            run.signal(signal);
            Processes.Result result = run.finish(60);
            assertEquals(
                    128 + number,
                    result.code(),
                    "the JVM's exit status for SIG" + signal + "\n" + result.all());
            Matcher m = STOPPED.matcher(result.out());
            assertTrue(m.find(), result.all());
            return new Stopped(
                    result,
                    output,
                    first,
                    firstBytes,
                    Double.parseDouble(m.group(1)),
                    Path.of(m.group(2)));
        }
    }

    private static void assertStoppedCleanly(Stopped s) throws IOException {
        assertArrayEquals(
                s.firstBytes(), Files.readAllBytes(s.first()), "the first checkpoint is untouched");
        assertNotEquals(s.first(), s.last());
        assertTrue(s.kimg() >= 1.088, "stopped after the tick at 1.088 kimg: " + s.kimg());
        assertEquals(0.064, loadedKimg(s.first()), 1e-9);
        assertEquals(
                s.kimg(),
                loadedKimg(s.last()),
                5e-4,
                "the checkpoint at the cancel has the count it stopped at");
        List<String> names;
        try (Stream<Path> files = Files.list(s.output())) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(
                names.stream().allMatch(n -> OUTPUT_FILE.matcher(n).matches()),
                "no temporary files: " + names);
        assertEquals(2, names.stream().filter(n -> n.endsWith(".sg2")).count(), names::toString);
        assertEquals(
                2,
                names.stream().filter(n -> n.endsWith(".tif")).count(),
                "a grid per checkpoint: " + names);
    }

    /** Starts the launcher on a run of 1000 kimg, as a job in a terminal that Ctrl-C reaches. */
    private static RunningProcess start(Path output, int batch) throws IOException {
        // A shell that starts a job in the background makes it ignore SIGINT, and so would the JVM;
        // a
        // foreground job in a terminal, which Ctrl-C reaches, has the default. env gives it that
        // here too.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(launcher(output, batch, "1000", ""));
        return RunningProcess.start(command, E2E.repoRoot(), env());
    }

    /** Loads a checkpoint as resume would: networks, optimiser states, counters. */
    private static double loadedKimg(Path checkpoint) throws IOException {
        TrainingCheckpoint c = TrainingCheckpoint.read(checkpoint);
        try (var model = c.model()) {
            return c.state().kimg();
        }
    }

    /** The launcher training on the test images, 8 px, one snapshot at the start. */
    private static List<String> launcher(Path output, int batch, String kimg, String resume) {
        return List.of(
                E2E.repoRoot().resolve("stylegan2").toString(),
                "--run",
                "Train StyleGAN2",
                "images='"
                        + images
                        + "',output_dir='"
                        + output
                        + "',resolution=8,config=small,batch_size="
                        + batch
                        + ",kimg="
                        + kimg
                        + ",snapshot_kimg=1000,resume='"
                        + resume
                        + "'");
    }

    /** The test runs on what Maven packaged; the script must not start a build of its own. */
    private static Map<String, String> env() {
        return Map.of("STYLEGAN2_NO_BUILD", "1", "OMP_NUM_THREADS", E2E.ompThreads());
    }
}
