package sc.fiji.stylegan2.plugin.training;

import ij.ImagePlus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.plugin.image.ImageJ1Stacks;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.image.TiffStackWriter;
import sc.fiji.stylegan2.training.loop.Snapshot;
import sc.fiji.stylegan2.training.loop.TickReport;
import sc.fiji.stylegan2.training.loop.TrainingListener;

/**
 * Shows a training run in SciJava: the minibatch position on the status bar (at most once a
 * second), each tick's status line as progress (which the headless launcher prints) and in the log,
 * and each snapshot's fixed-seed grid saved as {@code fakes000120.tif} beside the checkpoint, in
 * the data's units.
 */
public final class TrainingStatus implements TrainingListener {

    private final StatusService status;
    private final LogService log;
    private final BooleanSupplier canceled;
    private long lastStatusNanos;

    /**
     * @param status may be null; @param log may be null
     */
    public TrainingStatus(StatusService status, LogService log, BooleanSupplier canceled) {
        this.status = status;
        this.log = log;
        this.canceled = canceled;
    }

    @Override
    public void progress(long done, long total, String message) {
        long now = System.nanoTime();
        if (status != null && now - lastStatusNanos > 1_000_000_000L) {
            lastStatusNanos = now;
            status.showStatus(message);
        }
    }

    /** A message to read once (resuming from an official snapshot: Adam starts fresh, ...). */
    @Override
    public void notice(String message) {
        if (status != null) {
            status.showStatus(message);
        }
        if (log != null) {
            log.warn(message);
        }
    }

    @Override
    public void tick(TickReport report) {
        String line = report.statusLine();
        if (status != null) {
            status.showStatus(
                    (int) Math.min(Integer.MAX_VALUE, Math.round(report.kimg() * 1000)),
                    (int) Math.min(Integer.MAX_VALUE, Math.round(report.totalKimg() * 1000)),
                    line);
        }
        if (log != null) {
            log.info(line);
        }
    }

    @Override
    public void snapshot(Snapshot s) {
        if (log != null) {
            log.info(
                    String.format(
                            Locale.ROOT,
                            "checkpoint %s (%s, kimg %.3f)",
                            s.checkpoint(),
                            s.reason().name().toLowerCase(Locale.ROOT),
                            s.kimg()));
        }
        if (s.grid().count() > 0) {
            try {
                saveGrid(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The grid next to the checkpoint: {@code fakes} + the checkpoint's number. */
    static Path gridFile(Path checkpoint) {
        String name =
                checkpoint
                        .getFileName()
                        .toString()
                        .replace("network-snapshot-", "fakes")
                        .replace(".sg2", ".tif");
        return checkpoint.resolveSibling(name);
    }

    private static void saveGrid(Snapshot s) throws IOException {
        GeneratedImages g = s.grid();
        float[] data = g.data().clone();
        s.intensity().apply(data, g.width() * g.height());
        LabeledFloatImg img =
                LabeledFloatImg.of(data, g.width(), g.height(), g.channels(), g.labels());
        Path file = gridFile(s.checkpoint());
        ImagePlus imp = ImageJ1Stacks.toImagePlus(file.getFileName().toString(), img);
        TiffStackWriter.save(imp, file);
    }

    @Override
    public boolean isCanceled() {
        return canceled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
