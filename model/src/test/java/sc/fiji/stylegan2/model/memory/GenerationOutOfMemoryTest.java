package sc.fiji.stylegan2.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.testutil.Float32;
import sc.fiji.stylegan2.model.testutil.Images;

/**
 * Generation that really runs out of native memory: a child JVM under a data-segment limit ({@code
 * ulimit -d}, Linux's RLIMIT_DATA, which since Linux 4.7 covers the private anonymous memory
 * libtorch allocates), so a batch of 32 images of {@link GenerateInChild#MODEL} (about 20 MB of
 * activations each, over 1 GB at peak) makes libtorch's allocator fail at once, cleanly and without
 * touching the machine's memory, while a few images fit. Measured here: batch 1 needs about 650 MB
 * of data segment (the JVM, libtorch, oneDNN), 8 images about 800 MB, 32 over 1 GB; the limit of
 * 900 MB sits between.
 */
class GenerationOutOfMemoryTest {

    private static final int COUNT = 32;
    private static final long DATA_LIMIT_KB = 900_000;
    private static final Pattern NOTICE =
            Pattern.compile(
                    "notice: batch_size " + COUNT + " ran out of memory; continuing with (\\d+)");

    @Test
    void batchThatRunsOutOfNativeMemoryIsHalvedAndEveryImageIsGenerated(@TempDir Path dir)
            throws Exception {
        assumeTrue(
                System.getProperty("os.name").startsWith("Linux"),
                "RLIMIT_DATA limits allocations on Linux");
        Path images = dir.resolve("images.bin");
        List<String> out = runChild(images);

        List<String> notices = out.stream().filter(l -> l.startsWith("notice:")).toList();
        assertEquals(1, notices.size(), "one notice, got:\n" + String.join("\n", out));
        Matcher m = NOTICE.matcher(notices.get(0));
        assertTrue(m.matches(), notices.get(0));
        int fitted = Integer.parseInt(m.group(1));
        assertTrue(fitted >= 1 && fitted < COUNT, notices.get(0));
        // The same batches without a limit. Not the same bits: under a memory limit oneDNN may pick
        // other kernels
        // (its scratchpad is an allocation too), and the child is another process; so equal up to
        // float32
        // summation order (Float32.synthesis), far below what one wrong or missing image would
        // differ by.
        float[] alone = GenerateInChild.generate(COUNT, fitted, ProgressListener.NONE).data();
        Images.assertImagesClose(
                alone,
                read(images, alone.length),
                Float32.synthesis(GenerateInChild.MODEL, alone),
                "the images of the halved batches against the same batches without a limit");
    }

    /** Runs {@link GenerateInChild} under the data limit; returns its output lines. */
    private static List<String> runChild(Path images) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        String command = "ulimit -d " + DATA_LIMIT_KB + " && exec \"$0\" \"$@\"";
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "bash",
                                "-c",
                                command,
                                java.toString(),
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-Dai.djl.offline=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                GenerateInChild.class.getName(),
                                String.valueOf(COUNT),
                                String.valueOf(COUNT),
                                images.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The child inherits this JVM's OMP_NUM_THREADS (surefire sets it; 2 unless the caller
        // gives one): the
        // images are compared bit for bit, and libtorch splits its sums by thread count. Thread
        // stacks count
        // toward the limit too, so a much larger count may need a larger limit.
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.exitValue(), "child failed:\n" + String.join("\n", lines));
        return lines;
    }

    private static float[] read(Path file, int n) throws IOException {
        float[] v = new float[n];
        try (DataInputStream in =
                new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            for (int i = 0; i < n; i++) {
                v[i] = in.readFloat();
            }
            assertEquals(-1, in.read(), "more images than seeds");
        }
        return v;
    }
}
