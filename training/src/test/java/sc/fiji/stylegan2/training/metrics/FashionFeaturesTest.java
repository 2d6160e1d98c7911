package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.training.data.FashionMnist;
import sc.fiji.stylegan2.training.data.ImageStackData;

class FashionFeaturesTest {

    /**
     * How far below its recorded full-test-split accuracy the shipped network may score on 1,000
     * images.
     */
    private static final double MARGIN = 0.02;

    private static FashionFeatures features;

    @BeforeAll
    static void load() {
        features = FashionFeatures.load();
    }

    @AfterAll
    static void close() {
        features.close();
    }

    private static float[] images(ImageStackData d, int n) {
        float[] out = new float[n * 32 * 32];
        for (int i = 0; i < n; i++) {
            d.copyImage(i, out, i * 32 * 32);
        }
        return out;
    }

    @Test
    void shippedWeightsReachTheirRecordedTestAccuracy() throws IOException {
        assumeTrue(FashionMnist.debianInstalled(), "dataset-fashion-mnist is not installed");
        FashionMnist test = FashionMnist.debian(FashionMnist.Split.TEST).first(1000);
        int[] predicted = features.classify(images(test.toTrainingData(true), 1000), 1000, 1, 32);
        int correct = 0;
        for (int i = 0; i < 1000; i++) {
            correct += predicted[i] == test.label(i) ? 1 : 0;
        }
        double recorded = features.recordedTestAccuracy();
        assertTrue(recorded > 0.85, "recorded accuracy " + recorded);
        assertTrue(
                correct / 1000.0 >= recorded - MARGIN,
                correct / 1000.0 + " vs recorded " + recorded);
    }

    @Test
    void embeddedTrainingImagesAreMostlyClassifiedRight() throws IOException {
        FashionMnist set =
                FashionMnist.embedded()
                        .select(
                                java.util.stream.IntStream.range(0, 50)
                                        .map(i -> i * 100)
                                        .toArray()); // 50 images spread over the subset's classes
        int[] predicted = features.classify(images(set.toTrainingData(true), 50), 50, 1, 32);
        int correct = 0;
        for (int i = 0; i < 50; i++) {
            correct += predicted[i] == set.label(i) ? 1 : 0;
        }
        assertTrue(correct >= 40, correct + " of 50");
    }

    @Test
    void featuresAreTheNonNegativePenultimateActivations() throws IOException {
        float[] f =
                features.features(
                        images(FashionMnist.embedded().first(4).toTrainingData(true), 4), 4, 1, 32);
        assertEquals(4 * 128, f.length);
        assertEquals(128, features.dimension());
        for (float v : f) {
            assertTrue(v >= 0, "ReLU output");
        }
    }

    @Test
    void colourImagesWithEqualChannelsGiveTheirGrayFeatures() throws IOException {
        float[] gray = images(FashionMnist.embedded().first(2).toTrainingData(true), 2);
        float[] rgb = new float[2 * 3 * 1024];
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(gray, i * 1024, rgb, (i * 3 + c) * 1024, 1024);
            }
        }
        assertArrayEquals(
                features.features(gray, 2, 1, 32), features.features(rgb, 2, 3, 32), 1e-5f);
    }

    @Test
    void doubledImagesShrinkBackToTheSameFeatures() throws IOException {
        float[] gray = images(FashionMnist.embedded().first(2).toTrainingData(true), 2);
        float[] big = new float[2 * 64 * 64];
        for (int i = 0; i < 2; i++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    big[i * 4096 + y * 64 + x] =
                            gray[i * 1024 + (y / 2) * 32 + x / 2]; // 2 x 2 blocks
                }
            }
        }
        assertArrayEquals(
                features.features(gray, 2, 1, 32), features.features(big, 2, 1, 64), 1e-5f);
    }

    @Test
    void conversionNoteSaysHowImagesAreAdapted() {
        assertNull(FashionFeatures.conversionNote(1, 32));
        assertEquals(
                "3 channels averaged to gray; 64 px resized to 32 px",
                FashionFeatures.conversionNote(3, 64));
        assertEquals("16 px resized to 32 px", FashionFeatures.conversionNote(1, 16));
    }
}
