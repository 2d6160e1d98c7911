package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process that a test watches while it runs: its stdout and stderr go to files that can be
 * read at any time, the test waits for conditions (a file appears, a line is printed), sends it a
 * signal, and then waits for it to end. {@link #close()} kills whatever is left.
 */
final class RunningProcess implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final Path out;
    private final Path err;

    private RunningProcess(List<String> command, Process process, Path out, Path err) {
        this.command = command;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static RunningProcess start(List<String> command, Path dir, Map<String, String> env)
            throws IOException {
        Path out = Files.createTempFile("e2e", ".out");
        Path err = Files.createTempFile("e2e", ".err");
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        pb.environment().putAll(env);
        return new RunningProcess(command, pb.start(), out, err);
    }

    /** The process id; a script that {@code exec}s keeps it for the program it runs. */
    long pid() {
        return process.pid();
    }

    /** What it printed so far, stdout then stderr. */
    String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8)
                + Files.readString(err, StandardCharsets.UTF_8);
    }

    /**
     * Waits until {@code condition} holds; fails with the output so far if it does not within the
     * time.
     */
    void await(BooleanSupplier condition, String what, long timeoutSeconds)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                fail(
                        "the process ended (exit "
                                + process.exitValue()
                                + ") before "
                                + what
                                + ": "
                                + command
                                + "\n"
                                + output());
            }
            if (System.nanoTime() > end) {
                fail(
                        "no "
                                + what
                                + " within "
                                + timeoutSeconds
                                + " s: "
                                + command
                                + "\n"
                                + output());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until its stdout or stderr contains {@code text}. */
    void awaitOutput(String text, long timeoutSeconds) throws IOException, InterruptedException {
        await(
                () -> {
                    try {
                        return output().contains(text);
                    } catch (IOException e) {
                        return false;
                    }
                },
                "'" + text + "' in the output",
                timeoutSeconds);
    }

    /** Sends a signal by name ({@code INT}, {@code TERM}) with {@code kill}, as a user would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill =
                new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            fail("kill -" + name + " " + pid() + " failed");
        }
    }

    /**
     * Waits for the end and returns the exit code and output; fails if it runs on past the time.
     */
    Processes.Result finish(long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            fail("still running " + timeoutSeconds + " s later: " + command + "\n" + output());
        }
        return new Processes.Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
