package sc.fiji.stylegan2.plugin.headless;

import java.util.Arrays;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;

/**
 * What the headless launcher and the demo print besides their own lines: by default only warnings
 * and errors of the engine (DJL logs through SLF4J; the launcher's backend is slf4j-simple) and of
 * SciJava's log, so that a run that goes well prints each progress line once; with {@code
 * --verbose} also their information lines (DJL's engine and CUDA probes, the training log that
 * repeats the progress lines).
 */
final class ConsoleLogging {

    /** The launcher option that shows the engine's and SciJava's information lines. */
    static final String VERBOSE = "--verbose";

    private ConsoleLogging() {}

    /** True when the command line asks for {@link #VERBOSE}. */
    static boolean verbose(String... args) {
        return Arrays.asList(args).contains(VERBOSE);
    }

    /**
     * Sets slf4j-simple's levels, unless given with {@code -D}. Takes effect only before the first
     * SLF4J logger exists, so mains call it first.
     */
    static void configureEngine(boolean verbose) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        // DJL probes for CUDA even with CPU-only natives and warns when no driver matches: not our
        // concern.
        setDefault(
                "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", verbose ? "info" : "off");
    }

    /** Sets the level of the context's SciJava log: information lines only when verbose. */
    static void configureLog(Context context, boolean verbose) {
        LogService log = context.getService(LogService.class);
        if (log != null) {
            log.setLevel(verbose ? LogLevel.INFO : LogLevel.WARN);
        }
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
