package sc.fiji.stylegan2.training.loop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import sc.fiji.stylegan2.model.io.AtomicFile;

/**
 * The CSV log of every tick ({@code training_log.csv} in the output folder): one header, then one
 * line per tick written to disk at once, appended across resumes, so a spreadsheet or a plot script
 * can follow the run. A line that cannot be written whole (a full disk) is cut off again, so the
 * log keeps only whole lines and the error says that the previous file is unchanged.
 */
public final class TickLog implements AutoCloseable {

    /** The log's file name in the output folder. */
    public static final String FILE_NAME = "training_log.csv";

    private final Path file;
    private final FileChannel out;

    /** Opens (creating, or appending to) the log in {@code dir}. */
    public TickLog(Path dir) throws IOException {
        file = dir.resolve(FILE_NAME);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        if (fresh) {
            append(header());
        }
    }

    static String header() {
        StringBuilder s =
                new StringBuilder(
                        "tick,kimg,sec_per_kimg,tick_seconds,training_seconds,eta_seconds,pl_mean");
        for (String name : TickReport.STAT_NAMES) {
            s.append(',').append(name);
        }
        return s.toString();
    }

    /** Appends one tick and writes it to disk. */
    public void write(TickReport r) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(r.tick())
                .append(',')
                .append(num(r.kimg()))
                .append(',')
                .append(num(r.secPerKimg()))
                .append(',')
                .append(num(r.tickSeconds()))
                .append(',')
                .append(num(r.trainingSeconds()))
                .append(',')
                .append(num(r.etaSeconds()))
                .append(',')
                .append(num(r.plMean()));
        for (String name : TickReport.STAT_NAMES) {
            s.append(',').append(num(r.stat(name)));
        }
        append(s.toString());
    }

    /** Appends one line whole, or not at all. */
    private void append(String line) throws IOException {
        ByteBuffer bytes =
                ByteBuffer.wrap((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        long before = out.size();
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            try {
                out.truncate(before);
            } catch (IOException ignored) {
                // the channel is unusable; the error below is the one to report
            }
            throw AtomicFile.failure(file, e, before > 0);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
