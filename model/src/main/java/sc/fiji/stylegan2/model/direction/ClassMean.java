package sc.fiji.stylegan2.model.direction;

import java.util.stream.LongStream;
import sc.fiji.stylegan2.model.generate.ImageGenerator;

/**
 * The mean per-layer latent of one class of a conditional model, estimated from samples: {@code
 * mean_w(k) = 1/N Σ_i mapping(z_i, c_k)} over the z of seeds 0..N-1 (numpy's {@code
 * RandomState(seed)}, as Generate Images), truncated like the images it is added to. Every class
 * uses the same N z, so the difference of two class means is the mean of paired differences
 * (Phenexplain's and InterFaceGAN's class-mean direction, with less sampling noise).
 */
public final class ClassMean {

    private ClassMean() {}

    /** Seeds mapped at once, so a large N needs little memory. */
    private static final int CHUNK = 256;

    /**
     * {@code mean_w(k)} {@code [num_ws * w_dim]}.
     *
     * @param samples N, 1 or more
     * @param psi the truncation of the latents it is compared with or added to
     */
    public static float[] of(ImageGenerator generator, int classIndex, int samples, double psi) {
        if (samples < 1) {
            throw new IllegalArgumentException(
                    "class_samples " + samples + " is not valid: give 1 or more");
        }
        int per = generator.config().numWs() * generator.config().wDim();
        double[] sum = new double[per];
        for (int from = 0; from < samples; from += CHUNK) {
            long[] seeds = LongStream.range(from, Math.min(samples, from + CHUNK)).toArray();
            float[] ws = generator.mapSeeds(seeds, classIndex, psi, null);
            for (int i = 0; i < ws.length; i++) {
                sum[i % per] += ws[i];
            }
        }
        float[] mean = new float[per];
        for (int i = 0; i < per; i++) {
            mean[i] = (float) (sum[i] / samples);
        }
        return mean;
    }

    /**
     * {@code mean_w(b) - mean_w(a)} {@code [num_ws * w_dim]}, the shift that takes class a's images
     * towards class b.
     */
    public static float[] difference(
            ImageGenerator generator, int from, int to, int samples, double psi) {
        float[] a = of(generator, from, samples, psi);
        float[] b = of(generator, to, samples, psi);
        for (int i = 0; i < a.length; i++) {
            b[i] -= a[i];
        }
        return b;
    }
}
