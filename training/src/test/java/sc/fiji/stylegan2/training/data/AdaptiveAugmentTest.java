package sc.fiji.stylegan2.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveAugmentTest {

    private static final EnumSet<AugmentOp> GEOMETRIC =
            EnumSet.of(AugmentOp.XFLIP, AugmentOp.ROTATE90, AugmentOp.XINT);

    /** {@code n} images [n, c, s, s] of distinct values. */
    private static float[] distinct(int n, int c, int s) {
        float[] p = new float[n * c * s * s];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.sin(i * 0.7) + i % 5;
        }
        return p;
    }

    private static AdaptiveAugment fixed(double p, EnumSet<AugmentOp> ops) {
        return AdaptiveAugment.builder()
                .optOps(ops)
                .optTarget(null)
                .optInitialProbability(p)
                .build();
    }

    @Test
    void zeroProbabilityIsTheIdentityWithoutARandomDraw() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(distinct(4, 1, 8), new Shape(4, 1, 8, 8));
            AdaptiveAugment aug = AdaptiveAugment.builder().build(); // ADA starts at p = 0
            Random rng = new Random(1);
            assertSame(x, aug.apply(x, rng));
            assertEquals(
                    new Random(1).nextLong(),
                    rng.nextLong(),
                    "the draws of the rest of the step are unchanged");
        }
    }

    @Test
    void geometricOpsAtFullProbabilityMovePixelsButKeepEachImagesValues() {
        int n = 16, c = 2, s = 8, per = c * s * s;
        float[] in = distinct(n, c, s);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out =
                    fixed(1, GEOMETRIC)
                            .apply(m.create(in, new Shape(n, c, s, s)), new Random(5))
                            .toFloatArray();
            assertFalse(Arrays.equals(in, out));
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    float[] a =
                            Arrays.copyOfRange(
                                    in, i * per + ch * s * s, i * per + (ch + 1) * s * s);
                    float[] b =
                            Arrays.copyOfRange(
                                    out, i * per + ch * s * s, i * per + (ch + 1) * s * s);
                    assertEquals(mean(a), mean(b), 1e-5, "image " + i);
                    Arrays.sort(a);
                    Arrays.sort(b);
                    assertArrayEquals(
                            a, b, "a permutation of image " + i); // pixels move, none change
                }
            }
        }
    }

    @Test
    void rotationGivesOneOfTheFourQuarterTurns() {
        int s = 5;
        float[] in = distinct(1, 1, s);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(in, new Shape(1, 1, s, s));
            AdaptiveAugment aug = fixed(1, EnumSet.of(AugmentOp.ROTATE90));
            for (int trial = 0; trial < 8; trial++) {
                float[] out = aug.apply(x, new Random(trial)).toFloatArray();
                boolean match = false;
                for (int k = 0; k < 4; k++) {
                    match |= Arrays.equals(out, x.rotate90(k, new int[] {2, 3}).toFloatArray());
                }
                assertTrue(match, "trial " + trial);
            }
        }
    }

    @Test
    void integerTranslationIsACircularShiftOfAtMostAnEighth() {
        int s = 16;
        float[] in = distinct(1, 1, s);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(in, new Shape(1, 1, s, s));
            float[] out =
                    fixed(1, EnumSet.of(AugmentOp.XINT)).apply(x, new Random(2)).toFloatArray();
            int found = 0;
            for (int ty = -2; ty <= 2; ty++) {
                for (int tx = -2; tx <= 2; tx++) {
                    boolean same = true;
                    for (int y = 0; y < s && same; y++) {
                        for (int xx = 0; xx < s && same; xx++) {
                            same =
                                    out[y * s + xx]
                                            == in[
                                                    Math.floorMod(y - ty, s) * s
                                                            + Math.floorMod(xx - tx, s)];
                        }
                    }
                    found += same ? 1 : 0;
                }
            }
            assertEquals(1, found);
        }
    }

    @Test
    void colourOpsChangeBrightnessAndContrastPerImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] in = distinct(8, 1, 4);
            AdaptiveAugment aug = fixed(1, EnumSet.of(AugmentOp.BRIGHTNESS, AugmentOp.CONTRAST));
            float[] out =
                    aug.apply(m.create(in, new Shape(8, 1, 4, 4)), new Random(3)).toFloatArray();
            for (int i = 0; i < 8; i++) {
                // x' = c (x + b): an affine map with positive slope, the same for every pixel of
                // the image.
                double c = (out[i * 16 + 1] - out[i * 16]) / (in[i * 16 + 1] - in[i * 16]);
                double cb = out[i * 16] - c * in[i * 16];
                assertTrue(c > 0);
                for (int k = 0; k < 16; k++) {
                    assertEquals(c * in[i * 16 + k] + cb, out[i * 16 + k], 1e-4);
                }
            }
            assertFalse(Arrays.equals(in, out));
        }
    }

    @Test
    void gradientsFlowThroughTheAugmentation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(distinct(4, 1, 8), new Shape(4, 1, 8, 8));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = fixed(1, GEOMETRIC).apply(x, new Random(9));
                gc.backward(y.mul(y).sum()); // d/dx Σ y² = 2x, routed back through the permutation
            }
            assertArrayEquals(x.mul(2).toFloatArray(), x.getGradient().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void probabilityRisesByBatchTimesIntervalOverAdaKimgWhenRealsLookReal() {
        AdaptiveAugment aug =
                AdaptiveAugment.builder().build(); // target 0.6, interval 4, ada_kimg 500
        float[] logits = {2, 1, 3, 0.5f, 1, 2, 4, -1}; // r_t = 0.75 > 0.6
        for (int i = 0; i < 3; i++) {
            aug.update(logits);
            assertEquals(0, aug.probability(), "p only moves every 4 minibatches");
        }
        aug.update(logits);
        assertEquals(8 * 4 / 500_000.0, aug.probability(), 1e-12);
        assertEquals(0.75, aug.lastRt(), 1e-12);
    }

    @Test
    void probabilityFallsWhenRealsLookFakeButNeverBelowZero() {
        AdaptiveAugment aug = AdaptiveAugment.builder().optInitialProbability(0.0001).build();
        float[] logits = {-1, -2, 1, -3}; // r_t = −0.5 < 0.6
        for (int i = 0; i < 4; i++) {
            aug.update(logits);
        }
        assertEquals(0.0001 - 16 / 500_000.0, aug.probability(), 1e-12);
        for (int i = 0; i < 40; i++) {
            aug.update(logits);
        }
        assertEquals(0, aug.probability());
    }

    @Test
    void probabilityClampsAtOne() {
        AdaptiveAugment aug =
                AdaptiveAugment.builder().optInitialProbability(0.99).optAdaKimg(0.004).build();
        for (int i = 0; i < 4; i++) {
            aug.update(new float[] {1, 1});
        }
        assertEquals(1, aug.probability());
    }

    /**
     * A state saved between two adjustments (signs gathered, p not yet moved) continues exactly.
     */
    @Test
    void restoredStateAdjustsAsTheUninterruptedHeuristic() {
        float[][] batches = {
            {1, 2, -1, 3},
            {2, 2, 2, 2},
            {-1, 1, 1, 1},
            {4, -2, 1, 1}, // r_t = 10/16 > 0.6
            {1, 1, 1, -1},
            {2, 1, -3, 1},
            {1, 1, 1, 1},
            {1, 1, 1, 1}
        }; // r_t = 12/16 > 0.6
        AdaptiveAugment whole =
                AdaptiveAugment.builder().optAdaKimg(0.1).build(); // steps of 16/100
        AdaptiveAugment first = AdaptiveAugment.builder().optAdaKimg(0.1).build();
        for (int i = 0; i < batches.length; i++) {
            whole.update(batches[i]);
            if (i < 5) {
                first.update(batches[i]);
            }
        }
        AdaptiveAugment.State saved = first.state();
        assertEquals(new AdaptiveAugment.State(0.16, 2, 4, 1), saved);
        AdaptiveAugment resumed = AdaptiveAugment.builder().optAdaKimg(0.1).build();
        resumed.restore(saved);
        for (int i = 5; i < batches.length; i++) {
            resumed.update(batches[i]);
        }
        assertEquals(0.32, whole.probability(), 1e-12);
        assertEquals(whole.state(), resumed.state());
    }

    @Test
    void withoutATargetProbabilityStaysFixed() {
        AdaptiveAugment aug = fixed(0.3, GEOMETRIC);
        for (int i = 0; i < 20; i++) {
            aug.update(new float[] {5, 5, 5});
        }
        assertEquals(0.3, aug.probability());
    }

    private static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }
}
