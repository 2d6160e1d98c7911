package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscriminatorPairTest {

    private static Discriminator tinyD(NDManager m) {
        JniUtils.setSeed(3);
        return new Discriminator(m, new DiscriminatorConfig(8, 1, 64, 16, 4, 1, null));
    }

    @ParameterizedTest
    @CsvSource({
        "8, false",
        "2, false",
        "8, true"
    }) // 2: fewer samples than the group size, so the group shrinks
    void pairGivesTheLogitsOfTwoSeparatePasses(int n, boolean channelsLast) {
        try (NDManager m = NDManager.newBaseManager()) {
            Discriminator d = tinyD(m);
            NDArray a = m.randomNormal(new Shape(n, 1, 8, 8));
            NDArray b = m.randomNormal(new Shape(n, 1, 8, 8)).mul(3);
            Discriminator.LogitPair pair = d.forwardPair(a, b, channelsLast);
            assertArrayEquals(d.forward(a).toFloatArray(), pair.a().toFloatArray(), 1e-5f);
            assertArrayEquals(d.forward(b).toFloatArray(), pair.b().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void conditionalPairScoresEachImageWithItsOwnLabel() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(3);
            Discriminator d =
                    new Discriminator(
                            m, new DiscriminatorConfig(8, 1, 64, 16, 4, 1, null).withLabels(3));
            NDArray a = m.randomNormal(new Shape(8, 1, 8, 8));
            NDArray b = m.randomNormal(new Shape(8, 1, 8, 8)).mul(3);
            NDArray ca =
                    m.eye(3).get(new NDIndex("{}", m.create(new int[] {0, 1, 2, 0, 1, 2, 0, 1})));
            NDArray cb =
                    m.eye(3).get(new NDIndex("{}", m.create(new int[] {2, 2, 1, 1, 0, 0, 2, 2})));
            Discriminator.LogitPair pair = d.forwardPair(a, ca, b, cb, false);
            assertArrayEquals(
                    d.forward(a, ca, false).toFloatArray(), pair.a().toFloatArray(), 1e-5f);
            assertArrayEquals(
                    d.forward(b, cb, false).toFloatArray(), pair.b().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void naiveConcatenationWouldMixTheMinibatchStdGroups() {
        try (NDManager m = NDManager.newBaseManager()) {
            Discriminator d = tinyD(m);
            NDArray a = m.randomNormal(new Shape(8, 1, 8, 8));
            NDArray b = m.randomNormal(new Shape(8, 1, 8, 8)).mul(3);
            float[] separate = d.forward(a).toFloatArray();
            float[] naive = d.forward(a.concat(b, 0)).get(new NDIndex("0:8")).toFloatArray();
            float maxDiff = 0;
            for (int i = 0; i < separate.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(separate[i] - naive[i]));
            }
            assertTrue(
                    maxDiff > 1e-3,
                    "the groups must matter for this test to mean anything: " + maxDiff);
        }
    }

    @Test
    void pairRejectsBatchesOfDifferentShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Discriminator d = tinyD(m);
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            d.forwardPair(
                                    m.zeros(new Shape(4, 1, 8, 8)),
                                    m.zeros(new Shape(8, 1, 8, 8)),
                                    false));
        }
    }
}
