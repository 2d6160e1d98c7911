package sc.fiji.stylegan2.plugin.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.scijava.Context;
import sc.fiji.stylegan2.plugin.headless.Headless;

/** Runs the headless launcher ({@code ./stylegan2}) in a test's context, capturing both streams. */
public final class Launcher {

    private Launcher() {}

    /** Exit code and the two streams of one launcher run. */
    public record Result(int code, String out, String err) {
        /**
         * Asserts a usage error: exit 2, exactly one line on stderr, starting with "stylegan2: ".
         */
        public String usageError() {
            assertEquals(Headless.EXIT_USAGE, code, err);
            String[] lines = err.strip().split("\\R");
            assertEquals(1, lines.length, "one line on stderr, got:\n" + err);
            assertTrue(lines[0].startsWith("stylegan2: "), lines[0]);
            return lines[0];
        }
    }

    /** Runs the launcher with these arguments in the given context. */
    public static Result run(Context context, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Headless.run(context, args, o, e);
        }
        return new Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
