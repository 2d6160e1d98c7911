package sc.fiji.stylegan2.training.loop;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sc.fiji.stylegan2.model.io.AtomicFile;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution;

/**
 * The CSV log of every tick ({@code training_log.csv} in the output folder): one header, then one
 * line per tick written to disk at once, appended across resumes, so a spreadsheet or a plot script
 * can follow the run. A line that cannot be written whole (a full disk) is cut off again, so the
 * log keeps only whole lines and the error says that the previous file is unchanged. Lines follow
 * the header of the file they go to: a log begun by an older version, without the newer columns
 * (the toRGB shares {@code torgb_b4}, ...), gets lines of its own columns, so it stays one table.
 */
public final class TickLog implements AutoCloseable {

    /** The log's file name in the output folder. */
    public static final String FILE_NAME = "training_log.csv";

    private static final String[] COLUMNS = {
        "tick", "kimg", "sec_per_kimg", "tick_seconds", "training_seconds", "eta_seconds", "pl_mean"
    };

    private final Path file;
    private final FileChannel out;
    private final List<String> columns;

    /**
     * Opens (creating, or appending to) the log in {@code dir}.
     *
     * @param torgbResolutions the block resolutions whose toRGB shares a new log gets a column for
     *     (none for a generator without one toRGB per resolution)
     */
    public TickLog(Path dir, int... torgbResolutions) throws IOException {
        file = dir.resolve(FILE_NAME);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        String header = fresh ? header(torgbResolutions) : firstLine(file);
        columns = List.of(header.split(",", -1));
        out =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        if (fresh) {
            append(header);
        }
    }

    /** The header of a new log: counters, {@link TickReport#STAT_NAMES}, toRGB shares. */
    static String header(int... torgbResolutions) {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS));
        for (String name : TickReport.STAT_NAMES) {
            s.append(',').append(name);
        }
        for (int r : torgbResolutions) {
            s.append(',').append(torgbColumn(r));
        }
        return s.toString();
    }

    /** The column of the toRGB share of the block at {@code resolution}: {@code torgb_b8}. */
    public static String torgbColumn(int resolution) {
        return "torgb_b" + resolution;
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? "" : line;
        }
    }

    /** Appends one tick, in the columns of the file's header, and writes it to disk. */
    public void write(TickReport r) throws IOException {
        Map<String, String> values = new HashMap<>();
        values.put("tick", Long.toString(r.tick()));
        values.put("kimg", num(r.kimg()));
        values.put("sec_per_kimg", num(r.secPerKimg()));
        values.put("tick_seconds", num(r.tickSeconds()));
        values.put("training_seconds", num(r.trainingSeconds()));
        values.put("eta_seconds", num(r.etaSeconds()));
        values.put("pl_mean", num(r.plMean()));
        for (String name : TickReport.STAT_NAMES) {
            values.put(name, num(r.stat(name)));
        }
        for (ToRgbContribution.Share s : r.torgb()) {
            values.put(torgbColumn(s.resolution()), num(s.share()));
        }
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(values.getOrDefault(column, ""));
        }
        append(String.join(",", cells));
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
