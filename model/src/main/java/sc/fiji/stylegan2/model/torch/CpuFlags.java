package sc.fiji.stylegan2.model.torch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instruction-set flags of the processor as Linux reports them in {@code /proc/cpuinfo} (the
 * {@code flags} line, e.g. {@code avx512_bf16}, {@code amx_bf16}). Elsewhere (macOS, Windows) the
 * set is empty, which the callers read as "nothing special".
 */
public final class CpuFlags {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuFlags() {}

    /** The flags of this machine's first processor, or the empty set where none are reported. */
    public static Set<String> current() {
        try {
            return parse(Files.readString(CPUINFO, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** The flags of the first {@code flags : …} line of a {@code /proc/cpuinfo} text. */
    public static Set<String> parse(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
                String flags = line.substring(colon + 1).trim();
                return flags.isEmpty()
                        ? Set.of()
                        : new TreeSet<>(Arrays.asList(flags.split("\\s+")));
            }
        }
        return Set.of();
    }
}
