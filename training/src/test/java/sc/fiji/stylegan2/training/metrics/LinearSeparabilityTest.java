package sc.fiji.stylegan2.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.ProgressListener;

class LinearSeparabilityTest {

    /**
     * Three classes; w of the last of two layers = z + 6 e_c (the class moves w far along its own
     * axis), the first layer all zero: W is separable, Z (drawn apart from c) is not.
     */
    static final class Conditional extends PerceptualPathLengthTest.Linear {
        Conditional() {
            super(1, 0, false);
        }

        @Override
        public int numWs() {
            return 2;
        }

        @Override
        public int classCount() {
            return 3;
        }

        @Override
        public float[] mapping(float[] z, int n, int[] classes) {
            float[] ws = new float[n * 2 * 4];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    ws[(i * 2 + 1) * 4 + k] = z[i * 4 + k] + (k == classes[i] ? 6 : 0);
                }
            }
            return ws;
        }
    }

    @Test
    void conditionalEntropyIsZeroForPerfectPredictionsAndHOfYForConstantOnes() {
        boolean[] y = {true, false, true, false};
        assertEquals(0, LinearSeparability.conditionalEntropy(y, y), 1e-12);
        boolean[] none = new boolean[4];
        assertEquals(1, LinearSeparability.conditionalEntropy(none, y), 1e-12); // H(Y) = 1 bit
    }

    @Test
    void separatedClassesScoreLowerThanClassesTheLatentDoesNotCarry() {
        LinearSeparability.Result r =
                LinearSeparability.compute(new Conditional(), 600, 3, ProgressListener.NONE);
        assertEquals(1, r.w(), 0.05); // every class cut off by a plane: 2^0
        assertTrue(r.z() > 2 * r.w(), "z " + r.z() + " vs w " + r.w());
    }

    @Test
    void anUnconditionalModelIsRefused() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LinearSeparability.compute(
                                        new PerceptualPathLengthTest.Linear(1, 0, false),
                                        10,
                                        0,
                                        ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("linear_separability"), e.getMessage());
    }
}
