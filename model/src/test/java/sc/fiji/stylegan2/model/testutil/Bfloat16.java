package sc.fiji.stylegan2.model.testutil;

import sc.fiji.stylegan2.model.Precision;

/**
 * How far a generator's images in bfloat16 ({@link Precision#BF16}) may lie from its float32
 * images: the rounding of bfloat16 and nothing else (for {@link Images#assertImagesClose}).
 *
 * <p>The bound. bfloat16 keeps 8 significant bits: unit roundoff u = 2⁻⁸. A bfloat16 layer rounds
 * its input and its weight (each product then carries two independent relative errors, uniform in
 * ±u, standard deviation u/√3 each) and accumulates in float32 (no error worth counting), then
 * rounds its output (one more u/√3). Over a sum of n products with independent errors, the relative
 * error of the sum has standard deviation about √2·u/√3 when the sum is of the size of its terms'
 * root sum of squares (unit-scale activations: demodulation); with the output rounding, one layer
 * adds a relative error of standard deviation {@code σ₁ = (√2 + 1)·u/√3 ≈ 1.39·u}. A layer passes
 * the error of the layers before on with a gain of about 1, and the L layers' errors are
 * independent, so the image error has standard deviation {@code √L·σ₁·rms(image)}. The mean
 * absolute difference of a Gaussian error is 0.8σ, so the mean must stay below σ; the largest of a
 * few thousand pixels stays below {@link #SIGMAS}σ (Gaussian tail below 1e-8 per pixel).
 */
public final class Bfloat16 {

    /** The unit roundoff of bfloat16, 2⁻⁸. */
    public static final double UNIT_ROUNDOFF = 0x1p-8;

    /** The standard deviation of one layer's relative error, (√2 + 1)·u/√3. */
    public static final double LAYER = (Math.sqrt(2) + 1) * UNIT_ROUNDOFF / Math.sqrt(3);

    /** How many standard deviations the largest difference may reach. */
    public static final double SIGMAS = 6;

    private Bfloat16() {}

    /**
     * The synthesis layers that run in bfloat16 in a generator of {@code resolution} px: two per
     * block from {@link Precision#lowestBf16Resolution} up (the 4×4 block never is one).
     */
    public static int bf16Layers(int resolution) {
        int n = 0;
        for (int res = Precision.lowestBf16Resolution(resolution); res <= resolution; res *= 2) {
            n += 2;
        }
        return n;
    }

    /** The standard deviation of the image error, √L·σ₁·rms(reference). */
    public static double sigma(int resolution, float[] reference) {
        return Math.sqrt(bf16Layers(resolution)) * LAYER * rms(reference);
    }

    /** The bound on the largest difference, {@link #SIGMAS}·{@link #sigma}. */
    public static double maxDifference(int resolution, float[] reference) {
        return SIGMAS * sigma(resolution, reference);
    }

    /** The root mean square of the values. */
    public static double rms(float[] values) {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s / values.length);
    }
}
