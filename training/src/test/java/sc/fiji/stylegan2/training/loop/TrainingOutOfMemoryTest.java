package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Training that really runs out of native memory: a child JVM resumes a checkpoint of batch 64 (128
 * px, about 50 MB of activations per image with the backward passes, so over 3 GB at batch 64)
 * under a 1 GB data-segment limit ({@code ulimit -d}, Linux's RLIMIT_DATA), where libtorch's
 * allocator fails in the first minibatch.
 */
class TrainingOutOfMemoryTest {

    private static final long DATA_LIMIT_KB = 1_000_000;

    @Test
    void runOutOfMemoryStopsWithTheLastCheckpointUnchangedAndSaysWhatToTry(@TempDir Path dir)
            throws Exception {
        assumeTrue(
                System.getProperty("os.name").startsWith("Linux"),
                "RLIMIT_DATA limits allocations on Linux");
        Path checkpoint = dir.resolve("network-snapshot-000000.sg2");
        try (TrainingSession s =
                TrainingSession.start(ResumeInChild.options(64), IntensityMapping.OFFICIAL_8BIT)) {
            s.checkpoint().write(checkpoint);
        }
        byte[] before = Files.readAllBytes(checkpoint);

        Process p =
                new ProcessBuilder(
                                "bash",
                                "-c",
                                "ulimit -d " + DATA_LIMIT_KB + " && exec \"$0\" \"$@\"",
                                Paths.get(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-Dai.djl.offline=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                ResumeInChild.class.getName(),
                                checkpoint.toString(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        assertEquals(3, p.exitValue(), out);

        String stopped =
                out.lines().filter(l -> l.startsWith("stopped: ")).findFirst().orElseThrow();
        assertEquals(
                "stopped: training ran out of memory with batch_size 64 at kimg 0.000 and stopped; the last"
                        + " checkpoint network-snapshot-000000.sg2 is unchanged; start a new run with batch_size 32 or less"
                        + " (resuming keeps a checkpoint's batch_size), or close other programs or images to free memory",
                stopped);
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("network-snapshot-000000.sg2", TickLog.FILE_NAME),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no new checkpoint, no temp file");
        }
    }

    @Test
    void suggestedBatchIsAtMostHalfAndKeepsTheMinibatchStddevGroup() {
        assertEquals(32, TrainingOutOfMemory.smallerBatch(ResumeInChild.options(64)));
        assertEquals(
                4,
                TrainingOutOfMemory.smallerBatch(
                        ResumeInChild.options(12))); // 6 and 5: group 4 does not divide
        assertEquals(1, TrainingOutOfMemory.smallerBatch(ResumeInChild.options(2)));
        assertEquals(0, TrainingOutOfMemory.smallerBatch(ResumeInChild.options(1)));
    }
}
