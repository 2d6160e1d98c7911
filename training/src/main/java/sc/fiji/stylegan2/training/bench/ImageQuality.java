package sc.fiji.stylegan2.training.bench;

/**
 * Reconstruction quality of images in the generator's range [-1, 1] (values are clamped to it
 * first, as images are when saved as 8-bit): PSNR with peak-to-peak 2, and SSIM (Wang et al. 2004,
 * Eq. 13) with the standard 11x11 Gaussian window (σ = 1.5), K1 = 0.01, K2 = 0.03, L = 2, over the
 * valid window positions, averaged over channels.
 */
public final class ImageQuality {

    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double L = 2;
    private static final double C1 = Math.pow(0.01 * L, 2);
    private static final double C2 = Math.pow(0.03 * L, 2);

    private ImageQuality() {}

    /**
     * PSNR in dB of one image {@code [C, H, W]} at {@code offset} in both arrays: 10 log10(L² /
     * MSE).
     */
    public static double psnr(float[] a, float[] b, int offset, int size) {
        double se = 0;
        for (int i = offset; i < offset + size; i++) {
            double d = clamp(a[i]) - clamp(b[i]);
            se += d * d;
        }
        return 10 * Math.log10(L * L / (se / size));
    }

    /**
     * Mean SSIM of one image of {@code channels} planes {@code h x w} at {@code offset} in both
     * arrays.
     */
    public static double ssim(float[] a, float[] b, int offset, int channels, int h, int w) {
        double[] g = gaussian();
        double total = 0;
        int win = Math.min(WINDOW, Math.min(h, w));
        int r = (WINDOW - win) / 2;
        for (int c = 0; c < channels; c++) {
            int base = offset + c * h * w;
            double sum = 0;
            int n = 0;
            for (int y = 0; y + win <= h; y++) {
                for (int x = 0; x + win <= w; x++) {
                    sum += windowSsim(a, b, base, w, x, y, win, g, r);
                    n++;
                }
            }
            total += sum / n;
        }
        return total / channels;
    }

    /**
     * SSIM(x, y) = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)) over one window.
     */
    private static double windowSsim(
            float[] a, float[] b, int base, int w, int x0, int y0, int win, double[] g, int r) {
        double wsum = 0, ma = 0, mb = 0;
        for (int y = 0; y < win; y++) {
            for (int x = 0; x < win; x++) {
                double k = g[y + r] * g[x + r];
                int i = base + (y0 + y) * w + x0 + x;
                wsum += k;
                ma += k * clamp(a[i]);
                mb += k * clamp(b[i]);
            }
        }
        ma /= wsum;
        mb /= wsum;
        double va = 0, vb = 0, cov = 0;
        for (int y = 0; y < win; y++) {
            for (int x = 0; x < win; x++) {
                double k = g[y + r] * g[x + r] / wsum;
                int i = base + (y0 + y) * w + x0 + x;
                double da = clamp(a[i]) - ma, db = clamp(b[i]) - mb;
                va += k * da * da;
                vb += k * db * db;
                cov += k * da * db;
            }
        }
        return (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
    }

    private static double[] gaussian() {
        double[] g = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
        }
        return g;
    }

    private static double clamp(float v) {
        return Math.max(-1, Math.min(1, v));
    }
}
