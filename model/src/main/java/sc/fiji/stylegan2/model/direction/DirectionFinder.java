package sc.fiji.stylegan2.model.direction;

import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.latent.Latents;
import sc.fiji.stylegan2.model.linalg.LinearSvm;

/**
 * Find Directions' four methods ({@link DirectionMethod}) over one model or two labelled sets of
 * latents. A latent of a set is reduced to one w, the mean of its rows at the chosen ws indices
 * (for a latent of W all rows are equal, so this is its w; for a projection into W+ it is the
 * average style of those layers).
 */
public final class DirectionFinder {

    /** SVM penalty C: scikit-learn's LinearSVC default, which InterFaceGAN keeps. */
    public static final double SVM_C = 1.0;

    private DirectionFinder() {}

    /** SeFa over the style affines of the convolutions that read {@code layers}. */
    public static Directions sefa(StyleGAN2Model model, int[] layers, int count) {
        return SeFa.find(model.generator(), layers, count);
    }

    /** The principal components of {@code samples} sampled w. */
    public static Directions pca(StyleGAN2Model model, int[] layers, int samples, int count) {
        return PrincipalComponents.find(model.imageGenerator(), samples, count, layers);
    }

    /**
     * The direction from class a to class b of a conditional model: {@code mean_w(b) - mean_w(a)}
     * over {@code samples} paired z (untruncated, {@link ClassMean}), normalised; score = its
     * length.
     */
    public static Directions classMean(
            StyleGAN2Model model, int from, int to, int samples, int[] layers) {
        float[] delta = ClassMean.difference(model.imageGenerator(), from, to, samples, 1);
        Latents one = new Latents(1, model.config().numWs(), model.config().wDim(), delta);
        return single(DirectionMethod.CLASS_MEAN, features(one, layers)[0], layers);
    }

    /**
     * The direction from the negative to the positive set: {@code mean(positive) - mean(negative)}
     * of the sets' w, normalised; score = its length.
     */
    public static Directions classMean(Latents negative, Latents positive, int[] layers) {
        double[] a = mean(features(negative, layers)), b = mean(features(positive, layers));
        for (int j = 0; j < a.length; j++) {
            b[j] -= a[j];
        }
        return single(DirectionMethod.CLASS_MEAN, b, layers);
    }

    /**
     * The unit normal of a linear SVM between the sets, pointing to the positive side
     * (InterFaceGAN); score = training accuracy.
     */
    public static Directions svm(Latents negative, Latents positive, int[] layers) {
        double[][] neg = features(negative, layers), pos = features(positive, layers);
        double[][] x = new double[neg.length + pos.length][];
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < neg.length ? neg[i] : pos[i - neg.length];
            y[i] = i >= neg.length;
        }
        LinearSvm svm = LinearSvm.fit(x, y, SVM_C, LinearSvm.Loss.HINGE, 0);
        return new Directions(
                DirectionMethod.SVM,
                new float[][] {Directions.unit(svm.weights())},
                new double[] {svm.accuracy(x, y)},
                layers);
    }

    /** Each latent's mean row over {@code layers}: {@code [count, w_dim]}. */
    public static double[][] features(Latents latents, int[] layers) {
        int wDim = latents.wDim(), numWs = latents.numWs();
        double[][] x = new double[latents.count()][wDim];
        for (int i = 0; i < latents.count(); i++) {
            for (int l : layers) {
                for (int j = 0; j < wDim; j++) {
                    x[i][j] += latents.ws()[(i * numWs + l) * wDim + j] / (double) layers.length;
                }
            }
        }
        return x;
    }

    private static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / x.length;
            }
        }
        return m;
    }

    private static Directions single(DirectionMethod method, double[] v, int[] layers) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        return new Directions(
                method, new float[][] {Directions.unit(v)}, new double[] {Math.sqrt(norm)}, layers);
    }
}
