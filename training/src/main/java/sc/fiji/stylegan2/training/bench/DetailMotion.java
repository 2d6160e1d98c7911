package sc.fiji.stylegan2.training.bench;

/**
 * How far an image's fine details move between two frames (StyleGAN2 paper, Sec. 4, Fig. 6: with
 * progressive growing, details stick to pixel positions while the coarse content moves, then jump).
 * The channel-mean image is split into a low-pass part (a separable [1, 4, 6, 4, 1] / 16 blur,
 * twice) and the high-pass rest, and each part's translation between the frames is found by phase
 * correlation (the peak of {@code IDFT(F₂ F₁* / |F₂ F₁*|)}), refined to a fraction of a pixel by a
 * parabola through the peak and its neighbours.
 */
final class DetailMotion {

    private DetailMotion() {}

    /**
     * The translation {@code (dx, dy)} in pixels that takes {@code a} to {@code b} (square, side
     * {@code n}, row-major): {@code b(x) ≈ a(x − d)}; components in {@code (−n/2, n/2]}.
     */
    static double[] shift(float[] a, float[] b, int n) {
        double[][] fa = dft(a, n, false, null), fb = dft(b, n, false, null);
        double[] re = new double[n * n], im = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            // R = F_b conj(F_a) / |F_b conj(F_a)|
            double r = fb[0][i] * fa[0][i] + fb[1][i] * fa[1][i];
            double m = fb[1][i] * fa[0][i] - fb[0][i] * fa[1][i];
            double norm = Math.hypot(r, m);
            re[i] = norm > 1e-12 ? r / norm : 0;
            im[i] = norm > 1e-12 ? m / norm : 0;
        }
        double[] corr = dft(re, n, true, im)[0];
        int peak = 0;
        for (int i = 1; i < n * n; i++) {
            if (corr[i] > corr[peak]) {
                peak = i;
            }
        }
        int px = peak % n, py = peak / n;
        double dx =
                px
                        + parabola(
                                corr[py * n + (px + n - 1) % n],
                                corr[peak],
                                corr[py * n + (px + 1) % n]);
        double dy =
                py
                        + parabola(
                                corr[((py + n - 1) % n) * n + px],
                                corr[peak],
                                corr[((py + 1) % n) * n + px]);
        return new double[] {wrap(dx, n), wrap(dy, n)};
    }

    /** The channel-mean of image {@code i} of {@code [count, c, n, n]} data. */
    static float[] channelMean(float[] data, int i, int channels, int n) {
        int plane = n * n;
        float[] out = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                out[p] += data[(i * channels + c) * plane + p] / channels;
            }
        }
        return out;
    }

    /** The [1, 4, 6, 4, 1] / 16 blur along x then y, twice, with wrap-around (as the DFT). */
    static float[] lowPass(float[] img, int n) {
        float[] x = img;
        for (int pass = 0; pass < 4; pass++) {
            float[] out = new float[n * n];
            boolean alongX = pass % 2 == 0;
            for (int y = 0; y < n; y++) {
                for (int xx = 0; xx < n; xx++) {
                    double s = 0;
                    for (int k = -2; k <= 2; k++) {
                        double w = new double[] {1, 4, 6, 4, 1}[k + 2] / 16;
                        int sx = alongX ? (xx + k + n) % n : xx;
                        int sy = alongX ? y : (y + k + n) % n;
                        s += w * x[sy * n + sx];
                    }
                    out[y * n + xx] = (float) s;
                }
            }
            x = out;
        }
        return x;
    }

    /** {@code img − lowPass(img)}. */
    static float[] highPass(float[] img, int n) {
        float[] low = lowPass(img, n), out = new float[n * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = img[i] - low[i];
        }
        return out;
    }

    /** Vertex offset of the parabola through (−1, l), (0, c), (1, r), within [−0.5, 0.5]. */
    private static double parabola(double l, double c, double r) {
        double d = l - 2 * c + r;
        return d < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (l - r) / d)) : 0;
    }

    private static double wrap(double d, int n) {
        return d > n / 2.0 ? d - n : d;
    }

    private static double[][] dft(float[] real, int n, boolean inverse, double[] imag) {
        double[] re = new double[n * n];
        for (int i = 0; i < re.length; i++) {
            re[i] = real[i];
        }
        return dft(re, n, inverse, imag == null ? new double[n * n] : imag);
    }

    /** Separable 2-D DFT, {@code X(k) = Σ x(j) e^{∓2πi jk/n}} per row then per column. */
    private static double[][] dft(double[] re, int n, boolean inverse, double[] im) {
        double sign = inverse ? 1 : -1;
        double[] cos = new double[n], sin = new double[n];
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = sign * Math.sin(2 * Math.PI * k / n);
        }
        for (int axis = 0; axis < 2; axis++) {
            double[] oRe = new double[n * n], oIm = new double[n * n];
            for (int line = 0; line < n; line++) {
                for (int k = 0; k < n; k++) {
                    double sr = 0, si = 0;
                    for (int j = 0; j < n; j++) {
                        int idx = axis == 0 ? line * n + j : j * n + line;
                        int t = (j * k) % n;
                        sr += re[idx] * cos[t] - im[idx] * sin[t];
                        si += re[idx] * sin[t] + im[idx] * cos[t];
                    }
                    int o = axis == 0 ? line * n + k : k * n + line;
                    oRe[o] = sr;
                    oIm[o] = si;
                }
            }
            re = oRe;
            im = oIm;
        }
        return new double[][] {re, im};
    }
}
