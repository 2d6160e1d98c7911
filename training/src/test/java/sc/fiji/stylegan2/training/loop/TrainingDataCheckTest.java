package sc.fiji.stylegan2.training.loop;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.Tiny;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.bench.BlobData;

class TrainingDataCheckTest {

    private final TrainingOptions options = Tiny.options(1).build();

    private String message(BlobData data) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainingDataCheck.validate(data, options))
                .getMessage();
    }

    @Test
    void emptyStackIsRefused() {
        assertTrue(message(new BlobData(new float[0][], 1, Tiny.RES)).contains("no images"));
    }

    @Test
    void singleImageIsRefused() {
        assertTrue(message(new BlobData(1, 1, Tiny.RES, 1)).contains("one image"));
    }

    @Test
    void nanPixelIsRefusedNamingTheImage() {
        float[][] images = new float[3][Tiny.RES * Tiny.RES];
        images[1][5] = Float.NaN;
        String m = message(new BlobData(images, 1, Tiny.RES));
        assertTrue(m.contains("image 2 of 3") && m.contains("NaN"), m);
    }

    @Test
    void wrongSizeIsRefused() {
        assertTrue(message(new BlobData(4, 1, 16, 1)).contains("16 px"));
    }
}
