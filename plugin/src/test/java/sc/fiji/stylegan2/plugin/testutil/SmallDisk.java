package sc.fiji.stylegan2.plugin.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for tests of a full disk: a size-limited tmpfs mounted on a folder.
 * Mounting needs root (or CAP_SYS_ADMIN) on Linux; where it is not permitted the test is skipped by
 * assumption. Always close it (try-with-resources): that unmounts it.
 */
public final class SmallDisk implements AutoCloseable {

    /** The name of the file that {@link #fill()} grows until the disk is full. */
    public static final String FILLER = "filler";

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kib} KiB on the empty folder {@code dir}, or skips the test. */
    public static SmallDisk mount(Path dir, int kib) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs is Linux's");
        int rc = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", dir.toString());
        if (rc != 0) {
            Assumptions.abort(
                    "mounting a tmpfs is not permitted here (mount exit code " + rc + ")");
        }
        return new SmallDisk(dir);
    }

    /** Writes {@link #FILLER} until the file system reports that no space is left. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILLER))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", dir.toString()) != 0 && run("umount", "-l", dir.toString()) != 0) {
            throw new IOException("could not unmount the tmpfs on " + dir);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
