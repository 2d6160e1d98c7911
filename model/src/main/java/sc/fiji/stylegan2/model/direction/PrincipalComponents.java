package sc.fiji.stylegan2.model.direction;

import java.util.stream.LongStream;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.linalg.SymmetricEigen;

/**
 * Principal components of W (GANSpace, Härkönen et al., "GANSpace: Discovering Interpretable GAN
 * Controls", NeurIPS 2020, Sec. 2.2): the eigenvectors of the covariance {@code Σ = 1/(N-1) Σ_i
 * (w_i - μ)(w_i - μ)ᵀ} of N sampled w (untruncated, z of seeds 0..N-1; a conditional model's sample
 * i has class i mod c_dim), largest variance first; score = the fraction of the total variance
 * (trace Σ) the component explains. The same directions apply to any ws index (W is shared by all
 * layers); {@code layers} only records where they are meant to be applied.
 */
public final class PrincipalComponents {

    private static final int CHUNK = 256;

    private PrincipalComponents() {}

    /**
     * @param samples N, 2 or more
     * @throws IllegalArgumentException for fewer than 2 samples or count outside 1..w_dim
     */
    public static Directions find(ImageGenerator generator, int samples, int count, int[] layers) {
        if (samples < 2) {
            throw new IllegalArgumentException(
                    "samples " + samples + " is not valid: PCA needs 2 or more w");
        }
        int wDim = generator.config().wDim();
        SeFa.requireCount(count, wDim);
        int numWs = generator.config().numWs();
        int classes = generator.classes().count();
        double[][] w = new double[samples][];
        for (int from = 0; from < samples; from += CHUNK) {
            int to = Math.min(samples, from + CHUNK);
            for (int c = 0; c < Math.max(1, classes); c++) {
                int k = c;
                long[] seeds =
                        LongStream.range(from, to)
                                .filter(i -> classes == 0 || i % classes == k)
                                .toArray();
                if (seeds.length == 0) {
                    continue;
                }
                float[] ws = generator.mapSeeds(seeds, classes == 0 ? null : c, 1, null);
                for (int s = 0; s < seeds.length; s++) {
                    double[] row = new double[wDim];
                    for (int j = 0; j < wDim; j++) {
                        // row 0 of each w: every row of an untruncated w is the same
                        row[j] = ws[s * numWs * wDim + j];
                    }
                    w[(int) seeds[s]] = row;
                }
            }
        }
        return of(w, count, layers);
    }

    /** The principal components of the rows of {@code x} {@code [N, d]}. */
    public static Directions of(double[][] x, int count, int[] layers) {
        int n = x.length, d = x[0].length;
        SeFa.requireCount(count, d);
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                c[j] = row[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    // Σ = 1/(N-1) Σ_i (w_i - μ)(w_i - μ)ᵀ
                    cov[i][j] += c[i] * c[j] / (n - 1);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
        }
        return SeFa.top(DirectionMethod.PCA, SymmetricEigen.of(cov), count, layers, trace);
    }
}
