package sc.fiji.stylegan2.plugin.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download in a child JVM, without a network: this machine reaches no publish.djl.ai, so the
 * attempt fails; what is proven is the failure path, not a download.
 */
class GpuDownloadTest {

    @TempDir Path cache;

    @Test
    void childClassPathHasNoNativeJar() {
        String[] entries = GpuDownload.classPath().split(File.pathSeparator);
        assertTrue(entries.length > 0);
        assertFalse(
                Arrays.stream(entries).anyMatch(e -> e.contains("pytorch-native-")),
                String.join("\n", entries));
    }

    @Test
    void offlineAttemptFailsWithOneLineAndLeavesNoBuildFolder() throws IOException {
        IOException e = assertThrows(IOException.class, () -> GpuDownload.run(cache, 120));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(GpuSupport.FLAVOR), e.getMessage());
        Path folder =
                GpuSupport.plan(GpuSupport.currentClassifier(), cache.resolve("pytorch")).folder();
        assertFalse(Files.exists(folder), folder.toString());
        try (Stream<Path> left = Files.walk(cache)) {
            assertTrue(
                    left.noneMatch(p -> p.getFileName().toString().startsWith("tmp")),
                    "temporary download folder left in " + cache);
        }
    }
}
