package sc.fiji.stylegan2.model.direction;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.explore.NoiseLayers;
import sc.fiji.stylegan2.model.explore.StyleGroup;
import sc.fiji.stylegan2.model.linalg.SymmetricEigen;
import sc.fiji.stylegan2.model.network.Generator;

/**
 * Closed-form factorisation of latent semantics (SeFa, Shen and Zhou, "Closed-Form Factorization of
 * Latent Semantics in GANs", CVPR 2021, Eq. 5–6): a direction n moves the styles of a layer by
 * {@code A n}, where A {@code [C, w_dim]} is its style affine weight; the unit n that moves them
 * most maximise {@code |A n|² = nᵀ AᵀA n}, so they are the eigenvectors of AᵀA with the largest
 * eigenvalues. A stacks the affine weights of the chosen layers, each row (one channel's style)
 * scaled to unit length, as the authors' code does.
 *
 * <p>The modulated 3x3 convolutions are factorised, not the toRGB layers (as the authors' code does
 * for StyleGAN2): in the skip generator the k-th convolution (forward order: {@code b4.conv1},
 * {@code b8.conv0}, ...) reads ws index k, so ws index {@code num_ws - 1}, which feeds only the
 * last toRGB, adds no rows.
 */
public final class SeFa {

    private SeFa() {}

    /**
     * The {@code count} directions of largest eigenvalue, best first.
     *
     * @param layers ws indices, ascending
     * @throws IllegalArgumentException when the layers hold no convolution, or count exceeds {@code
     *     w_dim}
     */
    public static Directions find(Generator generator, int[] layers, int count) {
        List<String> convs = NoiseLayers.of(generator, EnumSet.allOf(StyleGroup.class)).layers();
        Map<String, NDArray> state = generator.stateDict();
        int wDim = generator.config().wDim();
        requireCount(count, wDim);
        double[][] ata = new double[wDim][wDim];
        List<Integer> used = new ArrayList<>();
        for (int k : layers) {
            if (k >= convs.size()) {
                continue; // the last toRGB's own w
            }
            used.add(k);
            float[] a = state.get(convs.get(k) + ".affine.weight").toFloatArray(); // [C, w_dim]
            for (int row = 0; row < a.length / wDim; row++) {
                addUnitRow(ata, a, row * wDim, wDim);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException(
                    "layers: ws index "
                            + (convs.size())
                            + " feeds only the last toRGB; SeFa needs at least one"
                            + " convolution's ws (0.."
                            + (convs.size() - 1)
                            + ")");
        }
        return top(DirectionMethod.SEFA, SymmetricEigen.of(ata), count, layers, 1);
    }

    /** AᵀA += r rᵀ for the row r = a[from .. from + n) scaled to unit length. */
    private static void addUnitRow(double[][] ata, float[] a, int from, int n) {
        double norm = 0;
        for (int j = 0; j < n; j++) {
            norm += (double) a[from + j] * a[from + j];
        }
        if (norm == 0) {
            return;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            double ri = a[from + i] * inv;
            for (int j = 0; j <= i; j++) {
                ata[i][j] +=
                        ri * a[from + j] * inv; // the lower triangle is all SymmetricEigen reads
            }
        }
    }

    static void requireCount(int count, int wDim) {
        if (count < 1 || count > wDim) {
            throw new IllegalArgumentException(
                    "num_directions " + count + " is not valid: give 1.." + wDim + " (w_dim)");
        }
    }

    /**
     * The eigenvectors of the {@code count} largest eigenvalues, best first, each signed so that
     * its largest component is positive (eigenvectors have no sign of their own); score = λ /
     * {@code divisor}.
     */
    static Directions top(
            DirectionMethod method, SymmetricEigen eig, int count, int[] layers, double divisor) {
        double[] values = eig.values(); // ascending
        double[][] v = eig.vectors();
        int n = values.length;
        float[][] vectors = new float[count][n];
        double[] scores = new double[count];
        for (int d = 0; d < count; d++) {
            int col = n - 1 - d;
            int big = 0;
            for (int i = 1; i < n; i++) {
                big = Math.abs(v[i][col]) > Math.abs(v[big][col]) ? i : big;
            }
            double sign = v[big][col] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                vectors[d][i] = (float) (sign * v[i][col]);
            }
            scores[d] = values[col] / divisor;
        }
        return new Directions(method, vectors, scores, layers);
    }
}
