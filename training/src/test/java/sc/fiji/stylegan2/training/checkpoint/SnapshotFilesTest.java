package sc.fiji.stylegan2.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFilesTest {

    @TempDir Path dir;

    @Test
    void namesFollowTheOfficialKimgPattern() {
        assertEquals(
                dir.resolve("network-snapshot-000120.sg2"), SnapshotFiles.newFile(dir, 120_000));
    }

    @Test
    void aTakenNameIsNeverReused() throws IOException {
        Files.createFile(dir.resolve("network-snapshot-000010.sg2"));
        Path second = SnapshotFiles.newFile(dir, 10_008);
        assertEquals(dir.resolve("network-snapshot-000010-10008.sg2"), second);
        Files.createFile(second);
        assertEquals(
                dir.resolve("network-snapshot-000010-10008-2.sg2"),
                SnapshotFiles.newFile(dir, 10_008));
    }

    @Test
    void latestIsTheMostAdvancedSnapshot() throws IOException {
        assertTrue(SnapshotFiles.latest(dir).isEmpty());
        for (String name :
                new String[] {
                    "network-snapshot-000009.sg2",
                    "network-snapshot-000010.sg2",
                    "network-snapshot-000010-10008.sg2",
                    "network-snapshot-000002.sg2",
                    ".network-snapshot-000050.sg2.tmp",
                    "other.sg2"
                }) {
            Files.createFile(dir.resolve(name));
        }
        assertEquals(
                dir.resolve("network-snapshot-000010-10008.sg2"),
                SnapshotFiles.latest(dir).orElseThrow());
    }
}
