package sc.fiji.stylegan2.model.testutil;

import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * How far two float32 evaluations of the same network may differ when only the order of their sums
 * differs (for {@link Images#assertImagesClose}). libtorch (oneDNN, MKL) picks its kernels, and so
 * the order in which a dot product is summed, by CPU, thread count and batch shape: a batch of
 * three images and a batch of one are two different computations, even on one machine, and agree
 * only up to rounding. Where a test can make both sides the same computation (same batch make-up,
 * same ops), it should, and compare exactly; where it cannot, it compares with this bound, never
 * with a number tuned until it passes.
 *
 * <p>The bound. A sum of n products accumulated in float32 carries a rounding error of about {@code
 * u·√n·s}, u = 2⁻²⁴ the unit roundoff and s the size of the sum's terms added up (the layer's
 * activation scale), when the n − 1 roundings are independent (Higham and Mary 2019, "A new
 * approach to probabilistic rounding error analysis"; the worst case is {@code n·u·Σ|xᵢyᵢ|}). Two
 * summation orders differ by √2 times that. A layer passes the error of the layer before on with a
 * gain of about 1 (these networks keep unit scale: equalised learning rate, demodulation) and adds
 * its own, so after d layers in sequence the difference is at most d times one layer's (linear, not
 * √d: no independence assumed across layers). With {@link #SIGMAS} standard deviations:
 *
 * <pre>
 *   tolerance = SIGMAS · u · √fanIn · depth · scale
 * </pre>
 *
 * For the 64 px fixture (fan-in 576, depth 21) that is 2.5e-4 of the image scale. The differences
 * seen between batch shapes are a few float32 ulps (2.5e-7 at 0.55 on an AMD Zen 5), and a wrong
 * latent, noise map or layer changes images by 1e-2 and more, so the bound stays far from both.
 */
public final class Float32 {

    /** The unit roundoff of float32, 2⁻²⁴ (half the distance from 1 to the next float). */
    public static final double UNIT_ROUNDOFF = 0x1p-24;

    /**
     * How many standard deviations of one layer's reordering difference (√2·u·√n·s) the bound
     * allows: 6 of them, so that a chance failure is out of reach (Gaussian tail below 1e-8), × √2
     * for the two orders.
     */
    public static final double SIGMAS = 6 * Math.sqrt(2);

    private Float32() {}

    /**
     * The largest difference between two float32 evaluations of a network of {@code depth} summing
     * layers in sequence, each summing at most {@code fanIn} terms, whose outputs are of size
     * {@code scale}.
     */
    public static double reorderedSums(int fanIn, int depth, double scale) {
        return SIGMAS * UNIT_ROUNDOFF * Math.sqrt(fanIn) * depth * scale;
    }

    /**
     * {@link #synthesis(GeneratorConfig, double)} scaled by the largest |value| of {@code
     * reference}.
     */
    public static double synthesis(GeneratorConfig cfg, float[] reference) {
        return synthesis(cfg, maxAbs(reference));
    }

    /**
     * {@link #reorderedSums} for a generator's images (mapping, affine, synthesis, to RGB) or any
     * activation on the way (a shorter path: the bound holds), of size {@code scale}: fan-in the
     * widest of the 3×3 convolutions ({@code 9·channels}), the mapping ({@code z_dim}, {@code
     * w_dim}) and the 4×4 resampling filters (16 taps); depth the mapping layers, the affine, the
     * {@code num_ws} convolutions and to-RGB layers of the longest path, and the two resampling
     * filters (conv0's and the skip image's) of every doubling of the resolution.
     */
    public static double synthesis(GeneratorConfig cfg, double scale) {
        int fanIn = Math.max(16, Math.max(cfg.zDim(), cfg.wDim()));
        for (int res : cfg.blockResolutions()) {
            fanIn = Math.max(fanIn, 9 * cfg.channels(res));
        }
        int doublings = cfg.resolutionLog2() - 2;
        int depth = cfg.mappingLayers() + 1 + cfg.numWs() + 2 * doublings;
        return reorderedSums(fanIn, depth, scale);
    }

    /** The largest |value|. */
    public static double maxAbs(float[] values) {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
