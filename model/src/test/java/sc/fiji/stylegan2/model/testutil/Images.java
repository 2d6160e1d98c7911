package sc.fiji.stylegan2.model.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one image comparison of the tests, with a tolerance that says where it comes from: {@link
 * #OFFICIAL} against the official code's images, {@link Float32#synthesis} between two float32
 * evaluations of the same network in different summation orders. Two results of the same
 * computation are compared exactly ({@code assertArrayEquals(expected, actual, 0f)}), never with a
 * tolerance.
 */
public final class Images {

    /**
     * How far our w, images and discriminator logits may lie from those of the official code (the
     * fixtures): the acceptance bound of {@code OfficialParityTest}, in the raw units of the
     * networks (images in about [-1, 1]). It is about an eighth of one 8-bit grey level of that
     * range (2/255 = 7.8e-3), so an image within it changes no pixel of its 8-bit rendering by more
     * than one level; the differences seen are about 1e-5 (float32 rounding of another libtorch
     * build, README), and a wrong weight, latent or noise map changes images by 1e-2 and more.
     */
    public static final double OFFICIAL = 1e-3;

    private Images() {}

    /**
     * Asserts that two images (or stacks of them, as flat float arrays) agree within {@code
     * tolerance} everywhere; the message names the first pixel outside it and {@code why} (what is
     * compared, and so which tolerance applies).
     */
    public static void assertImagesClose(
            float[] expected, float[] actual, double tolerance, String why) {
        assertEquals(expected.length, actual.length, why + ": lengths");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                fail(
                        why
                                + ": index "
                                + i
                                + " expected "
                                + expected[i]
                                + " but was "
                                + actual[i]
                                + " (tolerance "
                                + tolerance
                                + ", largest difference "
                                + maxAbsDiff(expected, actual)
                                + ")");
            }
        }
    }

    /** The largest |a[i] - b[i]|. */
    public static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length, "lengths");
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** The mean |a[i] - b[i]|: how far two images lie apart as a whole. */
    public static double meanAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length, "lengths");
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }
}
