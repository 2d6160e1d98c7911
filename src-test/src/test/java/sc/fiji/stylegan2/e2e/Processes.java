package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a child process with a time limit, its stdout and stderr captured. */
final class Processes {

    /** Exit code, stdout and stderr of a finished process. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Processes() {}

    static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("e2e", ".out");
        Path err = Files.createTempFile("e2e", ".err");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(
                        "timed out after "
                                + timeoutSeconds
                                + " s: "
                                + command
                                + "\n"
                                + Files.readString(out)
                                + Files.readString(err));
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
