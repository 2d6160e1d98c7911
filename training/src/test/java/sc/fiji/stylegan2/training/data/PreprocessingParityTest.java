package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sc.fiji.stylegan2.model.image.ImagePreprocessing;
import sc.fiji.stylegan2.model.image.PlanarImages;

/**
 * The projector's targets ({@code model.image.ImagePreprocessing}) and the training images ({@link
 * SquarePolicy#CENTER_CROP} then {@link Resize}) go through the same crop and resize, to the bit.
 */
class PreprocessingParityTest {

    @ParameterizedTest
    @CsvSource({"37, 53, 32", "64, 48, 16", "20, 30, 64", "33, 33, 33", "100, 70, 8"})
    void projectionTargetsAreCroppedAndResizedExactlyAsTrainingImages(
            int height, int width, int size) {
        Random r = new Random(height * 1000L + width);
        float[] pixels = new float[2 * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextFloat() * 4095;
        }
        SourceImage source = new SourceImage("random", 2, height, width, pixels);
        int side = SquarePolicy.CENTER_CROP.side(height, width);
        float[] training =
                Resize.planes(SquarePolicy.CENTER_CROP.apply(source, 0), 2, side, side, size, size);

        PlanarImages in = new PlanarImages(pixels.clone(), 1, 2, height, width, List.of("random"));
        float[] projection =
                ImagePreprocessing.resize(ImagePreprocessing.centerCropSquare(in), size).data();
        assertArrayEquals(training, projection, 0f);
    }
}
