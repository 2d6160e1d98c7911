package sc.fiji.stylegan2.plugin.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.stylegan2.model.testutil.Images.assertImagesClose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.plugin.image.LabeledFloatImg;
import sc.fiji.stylegan2.plugin.testutil.Fixtures;
import sc.fiji.stylegan2.plugin.testutil.ImageParts;

class ModelTasksTest {

    @Test
    void generateRequestTakesTheTextValuesOfTheCommand() {
        GenerateRequest r = ModelTasks.generateRequest("0-2,9", 0.7, "random", "raw", 3);
        assertArrayEquals(new long[] {0, 1, 2, 9}, r.seeds());
        assertEquals(0.7, r.truncationPsi());
        assertEquals(NoiseMode.RANDOM, r.noiseMode());
        assertEquals(OutputRange.RAW, r.outputRange());
        assertEquals(3, r.batchSize());
    }

    @Test
    void invalidValuesAreRejectedNamingTheirKey() {
        assertMessageStarts(
                "seeds '7-3'", () -> ModelTasks.generateRequest("7-3", 1, "const", "model", 8));
        assertMessageStarts(
                "truncation_psi NaN",
                () -> ModelTasks.generateRequest("0", Double.NaN, "const", "model", 8));
        assertMessageStarts(
                "noise_mode 'foo'", () -> ModelTasks.generateRequest("0", 1, "foo", "model", 8));
        assertMessageStarts(
                "output_range 'png'", () -> ModelTasks.generateRequest("0", 1, "const", "png", 8));
        assertMessageStarts(
                "batch_size 0", () -> ModelTasks.generateRequest("0", 1, "const", "model", 0));
    }

    @Test
    void convertRefusesToOverwriteItsInput() {
        Path model = Fixtures.gray64Pickle();
        var e =
                assertThrows(
                        IllegalArgumentException.class, () -> ModelTasks.convert(model, model));
        assertTrue(e.getMessage().startsWith("output_file '"), e.getMessage());
    }

    /** Cancels once {@code batches} batches have reported progress. */
    static ProgressListener cancelAfter(int batches) {
        return new ProgressListener() {
            private int reported;

            @Override
            public void progress(long done, long total, String message) {
                reported++;
            }

            @Override
            public boolean isCanceled() {
                return reported >= batches;
            }
        };
    }

    @Test
    void cancelingAfterTheFirstBatchKeepsTheImagesFinishedSoFar() throws IOException {
        GenerateRequest request = ModelTasks.generateRequest("0-5", 1, "const", "raw", 2);
        LabeledFloatImg img =
                ModelTasks.generate(Fixtures.gray64("G_ema.pt"), request, cancelAfter(1));
        assertEquals(List.of("seed=0", "seed=1"), img.labels());
        assertImagesClose(
                Fixtures.gray64Image(1, "1p00"),
                ImageParts.image(img, 1),
                Images.OFFICIAL,
                "seed 1 against the official image");
    }

    @Test
    void cancelingBeforeTheFirstBatchGivesNoImages() throws IOException {
        GenerateRequest request = ModelTasks.generateRequest("0-5", 1, "const", "raw", 2);
        assertNull(ModelTasks.generate(Fixtures.gray64("G_ema.pt"), request, cancelAfter(0)));
    }

    private static void assertMessageStarts(String start, Runnable call) {
        var e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
