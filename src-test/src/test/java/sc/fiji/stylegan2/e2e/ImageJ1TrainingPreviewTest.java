package sc.fiji.stylegan2.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Train StyleGAN2 in ImageJ 1.x with its window under Xvfb ({@link ImageJ1TrainingDriver} in its
 * own JVM): the live preview stack gets one slice per checkpoint and the loss plot one point per
 * tick (both read against the files the run wrote); closing the preview while training leaves the
 * run going, and Esc then stops it with one more checkpoint. The screen with both windows is saved
 * as {@code src-test/target/screenshots/imagej1-training-preview.png}.
 */
class ImageJ1TrainingPreviewTest {

    @Test
    void previewHasASlicePerSnapshotThePlotAPointPerTickAndClosingItLeavesTrainingGoing()
            throws Exception {
        Path home = ImageJ1.install("imagej1-training");
        Path images = E2E.trainingImages(home.resolve("cells.tif"));
        Path work = Files.createDirectories(home.resolve("runs"));
        Path png =
                Files.createDirectories(E2E.repoRoot().resolve("src-test/target/screenshots"))
                        .resolve("imagej1-training-preview.png");
        Files.deleteIfExists(png);
        Path results = home.resolve("training-results.txt");
        String classPath =
                ImageJ1.ijJar()
                        + File.pathSeparator
                        + Path.of(
                                ImageJ1TrainingDriver.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI());
        Processes.Result run =
                ImageJ1.runUnderXvfb(
                        home,
                        classPath,
                        List.of(
                                ImageJ1TrainingDriver.class.getName(),
                                images.toString(),
                                work.toString(),
                                results.toString(),
                                png.toString()),
                        300);
        Map<String, String> r = E2E.keyValues(results);
        assertTrue(
                r.containsKey("closed.reopened"), () -> "driver failed:\n" + r + "\n" + run.all());

        // 0.016 kimg in minibatches of 8, a snapshot every 0.008 kimg: ticks and checkpoints at
        // 0.008 and 0.016.
        Path preview = work.resolve("preview");
        assertEquals(
                "[Finished at 0.016 kimg; last checkpoint "
                        + preview.resolve("network-snapshot-000000-16.sg2")
                        + "]",
                r.get("log.preview"));
        assertEquals(2, count(preview, "network-snapshot-.*\\.sg2"));
        assertEquals("true", r.get("preview.shown"));
        assertEquals("2", r.get("preview.slices"), "one slice per checkpoint");
        assertEquals("2", r.get("preview.current"), "the newest is shown");
        assertEquals("kimg 0.008", r.get("preview.label.1"));
        assertEquals("kimg 0.016", r.get("preview.label.2"));
        assertEquals("48x48", r.get("preview.size"), "32 seeds of 8 px in 6 x 6 cells");
        assertEquals(
                2,
                Files.readAllLines(preview.resolve("training_log.csv")).size() - 1,
                "ticks in the CSV log");
        assertEquals("0.008,0.016", r.get("plot.g.x"), "one G loss point per tick");
        assertEquals("0.008,0.016", r.get("plot.d.x"), "one D loss point per tick");
        assertTrue(Files.size(png) > 0);

        // The preview closed at the first snapshot, training went on, Esc wrote one more
        // checkpoint.
        Path closed = work.resolve("closed");
        assertEquals("1", r.get("closed.slices.when.closed"));
        assertEquals("true", r.get("closed.stopped"));
        assertEquals("Train StyleGAN2: Canceled (Esc pressed)", r.get("closed.status"));
        assertEquals(2, count(closed, "network-snapshot-.*\\.sg2"), "the first and the one at Esc");
        assertEquals(2, count(closed, "fakes.*\\.tif"), "the grids still go to disk");
        assertEquals("false", r.get("closed.reopened"), "a closed preview stays closed");
    }

    private static long count(Path dir, String regex) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(regex)).count();
        }
    }
}
