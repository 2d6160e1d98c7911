package sc.fiji.stylegan2.model.explore;

/**
 * Interpolation between latent vectors (StyleGAN paper, Karras et al. 2019, Sec. 4.2): spherical
 * linear interpolation for the Gaussian z, where a straight line would leave the shell where
 * samples concentrate, and plain linear interpolation for w. Vectors are plain float arrays of
 * equal length.
 */
public final class LatentInterpolation {

    /** Below this angle (radians) slerp is numerically a lerp. */
    private static final double MIN_ANGLE = 1e-6;

    private LatentInterpolation() {}

    /** {@code lerp(a, b; t) = a + t (b - a)}. */
    public static float[] lerp(float[] a, float[] b, double t) {
        requireSameLength(a, b);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] + t * (b[i] - a[i]));
        }
        return out;
    }

    /**
     * Spherical interpolation: the direction turns at constant angular speed from {@code a} to
     * {@code b} (angle θ between them), {@code slerp = sin((1-t)θ)/sin θ · â + sin(tθ)/sin θ · b̂},
     * and the length goes linearly from |a| to |b|. The official path-length metric slerps
     * normalised z the same way; the mapping network normalises z anyway (normalize_2nd_moment), so
     * only the direction matters to it.
     */
    public static float[] slerp(float[] a, float[] b, double t) {
        requireSameLength(a, b);
        double na = norm(a), nb = norm(b);
        if (na == 0 || nb == 0) {
            return lerp(a, b, t);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (a[i] / na) * (b[i] / nb);
        }
        double theta = Math.acos(Math.max(-1, Math.min(1, dot)));
        double length = na + t * (nb - na);
        float[] out = new float[a.length];
        if (theta < MIN_ANGLE) {
            for (int i = 0; i < a.length; i++) {
                out[i] = (float) (length * (a[i] / na));
            }
            return out;
        }
        double sa = Math.sin((1 - t) * theta) / Math.sin(theta);
        double sb = Math.sin(t * theta) / Math.sin(theta);
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (length * (sa * a[i] / na + sb * b[i] / nb));
        }
        return out;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in length: " + a.length + " vs " + b.length);
        }
    }
}
