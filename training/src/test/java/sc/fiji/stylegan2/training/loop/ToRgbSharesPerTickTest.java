package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.bench.BlobData;
import sc.fiji.stylegan2.training.metrics.ToRgbContribution;

/**
 * G_ema's toRGB share per resolution (StyleGAN2 Fig. 8) at every tick of a tiny 8 px skip generator
 * (blocks b4 and b8): in the tick report, the status line and the CSV log.
 */
class ToRgbSharesPerTickTest {

    @TempDir Path tmp;

    private final BlobData data = new BlobData(12, 1, Tiny.RES, 9);

    private static final class Ticks implements TrainingListener {
        final List<TickReport> ticks = new ArrayList<>();

        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public void tick(TickReport report) {
            ticks.add(report);
        }
    }

    private List<TickReport> train(Path dir, double kimg) throws IOException {
        Ticks t = new Ticks();
        new TrainingLoop(data, dir, t).train(Tiny.options(1).optTotalKimg(kimg).build());
        return t.ticks;
    }

    private static int[] resolutions(TickReport r) {
        return r.torgb().stream().mapToInt(ToRgbContribution.Share::resolution).toArray();
    }

    @Test
    void everyTickCarriesOneShareForEachResolutionSummingToOne() throws IOException {
        List<TickReport> ticks = train(tmp, 0.016);
        assertEquals(3, ticks.size(), "ticks after 4, 12 and 16 images");
        for (TickReport r : ticks) {
            assertArrayEquals(Tiny.generator(1).blockResolutions(), resolutions(r));
            double total = 0;
            for (ToRgbContribution.Share s : r.torgb()) {
                assertTrue(s.std() > 0, "an initialised toRGB contributes: b" + s.resolution());
                total += s.share();
            }
            // float sums of a few shares: double rounding only
            assertEquals(1, total, 1e-12, "tick " + r.tick());
        }
    }

    @Test
    void theStatusLineEndsWithTheSharesByResolution() throws IOException {
        TickReport r = train(tmp, 0.004).get(0);
        String expected =
                String.format(
                        java.util.Locale.ROOT,
                        "  torgb 4:%.2f 8:%.2f",
                        r.torgbShare(4),
                        r.torgbShare(8));
        assertTrue(r.statusLine().endsWith(expected), r.statusLine());
    }

    @Test
    void theLogHasAShareColumnPerResolutionHoldingTheTicksShare() throws IOException {
        List<TickReport> ticks = train(tmp, 0.016);
        List<String> lines = Files.readAllLines(tmp.resolve(TickLog.FILE_NAME));
        List<String> header = List.of(lines.get(0).split(","));
        for (int i = 0; i < ticks.size(); i++) {
            String[] cells = lines.get(1 + i).split(",", -1);
            assertEquals(header.size(), cells.length);
            for (int res : new int[] {4, 8}) {
                double logged = Double.parseDouble(cells[header.indexOf("torgb_b" + res)]);
                // written with 6 significant digits
                assertEquals(ticks.get(i).torgbShare(res), logged, 1e-6, "b" + res);
            }
        }
    }

    @Test
    void aLogBegunWithoutShareColumnsGetsLinesOfItsOwnColumns() throws IOException {
        String oldHeader = TickLog.header();
        Files.writeString(tmp.resolve(TickLog.FILE_NAME), oldHeader + System.lineSeparator());
        List<TickReport> ticks = train(tmp, 0.004);
        assertEquals(2, ticks.get(0).torgb().size(), "the tick still measured the shares");
        List<String> lines = Files.readAllLines(tmp.resolve(TickLog.FILE_NAME));
        assertEquals(List.of(oldHeader), lines.subList(0, 1));
        assertEquals(2, lines.size());
        assertEquals(oldHeader.split(",").length, lines.get(1).split(",", -1).length);
    }

    @Test
    void aResumedRunReportsTheSharesOfTheUninterruptedRun() throws IOException {
        Path whole = Files.createDirectory(tmp.resolve("whole"));
        Path split = Files.createDirectory(tmp.resolve("split"));
        List<TickReport> uninterrupted = train(whole, 0.032);
        Ticks resumed = new Ticks();
        TrainingLoop.Result half =
                new TrainingLoop(data, split, new Ticks())
                        .train(Tiny.options(1).optTotalKimg(0.016).build());
        new TrainingLoop(data, split, resumed)
                .resume(half.lastCheckpoint(), o -> o.toBuilder().optTotalKimg(0.032).build());
        TickReport a = uninterrupted.get(uninterrupted.size() - 1);
        TickReport b = resumed.ticks.get(resumed.ticks.size() - 1);
        assertEquals(a.kimg(), b.kimg());
        for (int res : new int[] {4, 8}) {
            // G_ema equal up to float32 rounding (TrainingLoopTest), the same fixed latents
            assertEquals(a.torgbShare(res), b.torgbShare(res), 1e-6, "b" + res);
        }
    }
}
