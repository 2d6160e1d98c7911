package sc.fiji.stylegan2.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class NonSaturatingLossTest {

    private static final float[] LOGITS = {0, 2, -3, 100};

    /**
     * log(1 + e^x), by hand: softplus(0) = ln 2, softplus(2) = 2.126928, softplus(-3) = 0.048587.
     */
    private static float softplus(double x) {
        return (float) (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    }

    @Test
    void generatorLossIsMinusLogSigmoidOfTheFakeLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = m.create(LOGITS);
            assertArrayEquals(
                    new float[] {0.693147f, 0.126928f, 3.048587f, 0f},
                    NonSaturatingLoss.generator(l).toFloatArray(),
                    1e-5f);
        }
    }

    @Test
    void discriminatorLossOnFakesIsMinusLogOneMinusSigmoid() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = m.create(LOGITS);
            assertArrayEquals(
                    new float[] {softplus(0), softplus(2), softplus(-3), 100f},
                    NonSaturatingLoss.discriminatorFake(l).toFloatArray(),
                    1e-5f);
        }
    }

    @Test
    void discriminatorLossOnRealsIsMinusLogSigmoid() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = m.create(LOGITS);
            assertArrayEquals(
                    new float[] {softplus(0), softplus(-2), softplus(3), 0f},
                    NonSaturatingLoss.discriminatorReal(l).toFloatArray(),
                    1e-5f);
        }
    }
}
