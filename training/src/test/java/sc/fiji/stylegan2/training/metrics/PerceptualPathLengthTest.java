package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.explore.LatentSpace;

/** The path length's interpolations, and its value on generators where it is known. */
class PerceptualPathLengthTest {

    /** The images themselves as features. */
    static final class Identity implements FeatureExtractor {
        @Override
        public int dimension() {
            return -1;
        }

        @Override
        public float[] features(float[] images, int count, int channels, int resolution) {
            return Arrays.copyOf(images, count * channels * resolution * resolution);
        }

        @Override
        public void close() {}
    }

    /**
     * w = z / |z| on one layer, image = scale · w + offset as a 1 x 2 x 2 image (z has 4 values);
     * records the z it maps.
     */
    static class Linear implements PathGenerator {
        final float scale, offset;
        final boolean normalise;
        final List<float[]> mapped = new ArrayList<>();

        Linear(float scale, float offset, boolean normalise) {
            this.scale = scale;
            this.offset = offset;
            this.normalise = normalise;
        }

        public int zDim() {
            return 4;
        }

        public int numWs() {
            return 1;
        }

        public int wDim() {
            return 4;
        }

        public int classCount() {
            return 0;
        }

        public int channels() {
            return 1;
        }

        public int resolution() {
            return 2;
        }

        public float[] mapping(float[] z, int n, int[] classes) {
            mapped.add(z.clone());
            float[] w = z.clone();
            for (int i = 0; normalise && i < n; i++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += w[i * 4 + k] * w[i * 4 + k];
                }
                for (int k = 0; k < 4; k++) {
                    w[i * 4 + k] /= (float) Math.sqrt(s);
                }
            }
            return w;
        }

        public float[] synthesis(float[] ws, int n, long noiseSeed) {
            float[] img = new float[ws.length];
            for (int k = 0; k < ws.length; k++) {
                img[k] = scale * ws[k] + offset;
            }
            return img;
        }
    }

    private static final float TOL = 1e-6f;

    private static PerceptualPathLength.Result ppl(PathGenerator g, String metric, int n) {
        return new PerceptualPathLength(new Identity(), PerceptualPathLength.Input.SIGNED)
                .compute(g, PathLengthOptions.ofMetric(metric, n, 16, 7), ProgressListener.NONE);
    }

    @Test
    void slerpStartsAtTheFirstAndEndsAtTheSecondDirection() {
        float[] a = {3, 0, 0}, b = {0, 0, 2};
        assertArrayEquals(new float[] {1, 0, 0}, PerceptualPathLength.slerp(a, b, 0), TOL);
        assertArrayEquals(new float[] {0, 0, 1}, PerceptualPathLength.slerp(a, b, 1), TOL);
    }

    @Test
    void slerpTurnsAtConstantAngularSpeed() {
        float[] a = {2, 0}, b = {0, 5};
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {h, h}, PerceptualPathLength.slerp(a, b, 0.5), TOL);
        float c = (float) Math.cos(Math.PI / 6), s = (float) Math.sin(Math.PI / 6);
        assertArrayEquals(new float[] {c, s}, PerceptualPathLength.slerp(a, b, 1 / 3.0), TOL);
    }

    @Test
    void lerpIsTheStraightLineWithItsEndsAtZeroAndOne() {
        float[] a = {1, -2}, b = {3, 2};
        assertArrayEquals(a, PerceptualPathLength.lerp(a, b, 0), TOL);
        assertArrayEquals(b, PerceptualPathLength.lerp(a, b, 1), TOL);
        assertArrayEquals(new float[] {1.5f, -1}, PerceptualPathLength.lerp(a, b, 0.25), TOL);
    }

    @Test
    void aConstantGeneratorHasPathLengthZero() {
        assertEquals(0, ppl(new Linear(0, 0.5f, false), "ppl_wfull", 200).ppl());
        assertEquals(0, ppl(new Linear(0, 0.5f, false), "ppl_zend", 200).ppl());
    }

    @Test
    void pathLengthGrowsWithTheSquareOfTheImageScale() {
        double one = ppl(new Linear(1, 0, false), "ppl_wfull", 300).ppl();
        double three = ppl(new Linear(3, 0.25f, false), "ppl_wfull", 300).ppl();
        assertEquals(9 * one, three, 1e-3 * three);
    }

    @Test
    void aLinearGeneratorInWEndMeasuresTheSquaredDistanceOfTheEndpoints() {
        Linear g = new Linear(1, 0, false);
        int n = 400;
        double measured = ppl(g, "ppl_wend", n).ppl();
        // d = |ε (w₁ − w₀)|² / ε² = |z₁ − z₀|² for w = z, image = w, f = identity
        double[] d = new double[n];
        int i = 0;
        for (float[] z : g.mapped) {
            int b = z.length / 8;
            for (int p = 0; p < b; p++, i++) {
                for (int k = 0; k < 4; k++) {
                    double diff = z[(b + p) * 4 + k] - z[p * 4 + k];
                    d[i] += diff * diff;
                }
            }
        }
        double expected = Arrays.stream(Percentiles.between1And99(d)).average().orElseThrow();
        assertEquals(expected, measured, 1e-2 * expected); // float32 steps of ε = 1e-4
    }

    @Test
    void aSlerpPathOnTheSphereIsAsLongAnywhereAsAtItsStart() {
        // image = z/|z|: the slerp moves it at the constant angular speed θ, so d = θ² at any t
        double full = ppl(new Linear(1, 0, true), "ppl_zfull", 300).ppl();
        double end = ppl(new Linear(1, 0, true), "ppl_zend", 300).ppl();
        assertEquals(end, full, 1e-2 * end);
    }

    @Test
    void aCanceledRunReturnsNothing() {
        ProgressListener canceled =
                new ProgressListener() {
                    public void progress(long done, long total, String message) {}

                    public boolean isCanceled() {
                        return true;
                    }
                };
        assertNull(
                new PerceptualPathLength(new Identity(), PerceptualPathLength.Input.SIGNED)
                        .compute(
                                new Linear(1, 0, false),
                                PathLengthOptions.ofMetric("ppl_wend", 10, 4, 0),
                                canceled));
    }

    @Test
    void theCropKeepsTheOfficialWindowAndTheByteRangeMapsMinusOneToZero() {
        int r = 8;
        float[] img = new float[r * r];
        for (int y = 0; y < r; y++) {
            for (int x = 0; x < r; x++) {
                img[y * r + x] = y * 10 + x;
            }
        }
        PerceptualPathLength.Measured m =
                PerceptualPathLength.measured(
                        img, 1, 1, r, true, PerceptualPathLength.Input.SIGNED);
        assertEquals(4, m.side());
        assertEquals(32, m.images()[0]); // row 3, column 2
        assertEquals(65, m.images()[15]); // row 6, column 5
        float[] minus = {-1, -1, -1, -1};
        float[] bytes =
                PerceptualPathLength.measured(
                                minus, 1, 1, 2, false, PerceptualPathLength.Input.BYTE_RANGE)
                        .images();
        assertArrayEquals(new float[4], bytes, TOL);
    }

    @Test
    void metricNamesChooseSpaceAndSampling() {
        PathLengthOptions o = PathLengthOptions.ofMetric("PPL_ZFULL", 10, 2, 0);
        assertEquals(LatentSpace.Z, o.space());
        assertEquals(PathSampling.FULL, o.sampling());
        assertEquals("ppl_zfull", o.metricName());
    }
}
