package sc.fiji.stylegan2.training.bench;

/**
 * Progressive growing's location preference (StyleGAN2 paper, Sec. 4, Fig. 6) as one number: how
 * much the fine details of unrelated images sit at the same pixels. Per image the detail energy map
 * {@code e = highPass(img)²} ({@link DetailMotion#highPass}) is standardised to {@code ê = (e −
 * mean e) / std e}, inside a margin of {@value #MARGIN} px (the high-pass wraps around, so the
 * borders of every image would share the energy of the jump between opposite edges); the preference
 * is the mean Pearson correlation of the maps over all pairs of distinct images. Details free to
 * sit anywhere give about 0 (tiles of real micrographs, cut at random places, are the reference);
 * details tied to pixel positions give a clearly positive value.
 */
final class LocationPreference {

    /** Pixels left out at each border: the reach of {@link DetailMotion#lowPass} (2 px, twice). */
    static final int MARGIN = 4;

    private LocationPreference() {}

    /**
     * {@code highPass(img)²} inside the margin: square side {@code n − 2·MARGIN} ({@code img}
     * square of side {@code n}).
     */
    static float[] detailEnergy(float[] img, int n) {
        float[] h = DetailMotion.highPass(img, n);
        int m = n - 2 * MARGIN;
        float[] e = new float[m * m];
        for (int y = 0; y < m; y++) {
            for (int x = 0; x < m; x++) {
                float v = h[(y + MARGIN) * n + x + MARGIN];
                e[y * m + x] = v * v;
            }
        }
        return e;
    }

    /**
     * The mean correlation of {@code maps} over all pairs {@code i ≠ j} (at least two maps of equal
     * length). A constant map has no correlation with anything and counts as 0.
     */
    static double meanPairCorrelation(float[][] maps) {
        int n = maps.length, pixels = maps[0].length;
        double[] sum = new double[pixels];
        int informative = 0;
        for (float[] map : maps) {
            double mean = 0, var = 0;
            for (float v : map) {
                mean += v;
            }
            mean /= pixels;
            for (float v : map) {
                var += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(var / pixels);
            if (std == 0) {
                continue;
            }
            informative++;
            for (int p = 0; p < pixels; p++) {
                sum[p] += (map[p] - mean) / std;
            }
        }
        double norm2 = 0;
        for (double s : sum) {
            norm2 += s * s;
        }
        // Σ_{i≠j} ρ_ij = ‖Σ_i ê_i‖² / P − Σ_i ‖ê_i‖² / P, and ‖ê_i‖² = P for every informative map
        double pairSum = norm2 / pixels - informative;
        return pairSum / ((double) n * (n - 1));
    }

    /** The pixel-wise mean of {@code maps}: where details sit on average. */
    static float[] mean(float[][] maps) {
        float[] out = new float[maps[0].length];
        for (float[] map : maps) {
            for (int p = 0; p < out.length; p++) {
                out[p] += map[p] / maps.length;
            }
        }
        return out;
    }
}
