package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

class TrainingListenerTest {

    /** Writes every event it gets, with its name, to a shared journal. */
    private static TrainingListener recorder(String name, List<String> journal, boolean canceled) {
        return new TrainingListener() {
            @Override
            public void progress(long done, long total, String message) {
                journal.add(name + " progress " + done);
            }

            @Override
            public void tick(TickReport report) {
                journal.add(name + " tick " + report.tick());
            }

            @Override
            public void snapshot(Snapshot snapshot) {
                journal.add(name + " snapshot " + snapshot.kimg());
            }

            @Override
            public boolean isCanceled() {
                return canceled;
            }
        };
    }

    @Test
    void allForwardsEveryEventToEachListenerInOrder() {
        List<String> journal = new ArrayList<>();
        TrainingListener both =
                TrainingListener.all(recorder("a", journal, false), recorder("b", journal, false));
        both.progress(8, 16, "half");
        both.tick(new TickReport(3, 1, 2, 1, 1, 1, 1, 0, Map.of(), List.of()));
        both.snapshot(
                new Snapshot(
                        Path.of("x.sg2"),
                        1.5,
                        new GeneratedImages(new float[0], 0, 1, 8, 8, List.of()),
                        IntensityMapping.OFFICIAL_8BIT,
                        Snapshot.Reason.SCHEDULED));
        assertEquals(
                List.of(
                        "a progress 8",
                        "b progress 8",
                        "a tick 3",
                        "b tick 3",
                        "a snapshot 1.5",
                        "b snapshot 1.5"),
                journal);
    }

    @Test
    void allIsCanceledWhenAnyListenerIs() {
        List<String> journal = new ArrayList<>();
        assertFalse(
                TrainingListener.all(recorder("a", journal, false), recorder("b", journal, false))
                        .isCanceled());
        assertTrue(
                TrainingListener.all(recorder("a", journal, false), recorder("b", journal, true))
                        .isCanceled());
        assertTrue(
                TrainingListener.all(recorder("a", journal, true), recorder("b", journal, false))
                        .isCanceled());
    }
}
