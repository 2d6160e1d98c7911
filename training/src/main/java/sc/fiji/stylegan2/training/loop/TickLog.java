package sc.fiji.stylegan2.training.loop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The CSV log of every tick ({@code training_log.csv} in the output folder): one header, then one flushed
 * line per tick, appended across resumes, so a spreadsheet or a plot script can follow the run.
 */
public final class TickLog implements AutoCloseable {

    /** The log's file name in the output folder. */
    public static final String FILE_NAME = "training_log.csv";

    private final BufferedWriter out;

    /** Opens (creating, or appending to) the log in {@code dir}. */
    public TickLog(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            out.write(header());
            out.newLine();
            out.flush();
        }
    }

    static String header() {
        StringBuilder s = new StringBuilder("tick,kimg,sec_per_kimg,tick_seconds,training_seconds,eta_seconds,pl_mean");
        for (String name : TickReport.STAT_NAMES) {
            s.append(',').append(name);
        }
        return s.toString();
    }

    /** Appends one tick and flushes it to disk. */
    public void write(TickReport r) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(r.tick()).append(',').append(num(r.kimg())).append(',').append(num(r.secPerKimg())).append(',')
                .append(num(r.tickSeconds())).append(',').append(num(r.trainingSeconds())).append(',')
                .append(num(r.etaSeconds())).append(',').append(num(r.plMean()));
        for (String name : TickReport.STAT_NAMES) {
            s.append(',').append(num(r.stat(name)));
        }
        out.write(s.toString());
        out.newLine();
        out.flush();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
