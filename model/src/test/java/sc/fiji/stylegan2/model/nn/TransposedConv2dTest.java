package sc.fiji.stylegan2.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TorchScript transposed convolution against its definition, written out as loops: {@code T[n,
 * g·O/G + o, 2i + ky, 2j + kx] += x[n, g·I/G + c, i, j] · w[g, c, o, ky, kx]}, and its gradients
 * (the adjoint sums) through autograd.
 */
class TransposedConv2dTest {

    private static final int N = 2, H = 3, W = 4, K = 3;

    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void equalsTheDefinitionWithOneGroup() {
        check(1, 3, 2);
    }

    @Test
    void equalsTheDefinitionPerGroup() {
        check(2, 4, 6);
    }

    @Test
    void refusesAFourDimensionalWeight() {
        NDArray x = m.randomNormal(new Shape(1, 2, 3, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> TransposedConv2d.apply(x, m.ones(new Shape(2, 2, 3, 3))));
    }

    private void check(int groups, int in, int out) {
        int ig = in / groups, og = out / groups;
        NDArray x = m.randomNormal(new Shape(N, in, H, W));
        NDArray w = m.randomNormal(new Shape(groups, ig, og, K, K));
        NDArray r =
                m.randomNormal(
                        new Shape(N, out, 2 * H + K - 2, 2 * W + K - 2)); // weights of Σ(T·r)
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        NDArray t;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            t = TransposedConv2d.apply(x, w);
            gc.backward(t.mul(r).sum());
        }
        float[] xs = x.toFloatArray(), ws = w.toFloatArray(), rs = r.toFloatArray();
        int ho = 2 * H + K - 2, wo = 2 * W + K - 2;
        float[] expect = new float[N * out * ho * wo];
        float[] gx = new float[xs.length], gw = new float[ws.length];
        for (int n = 0; n < N; n++) {
            for (int g = 0; g < groups; g++) {
                for (int c = 0; c < ig; c++) {
                    for (int o = 0; o < og; o++) {
                        for (int i = 0; i < H; i++) {
                            for (int j = 0; j < W; j++) {
                                for (int ky = 0; ky < K; ky++) {
                                    for (int kx = 0; kx < K; kx++) {
                                        int xi = ((n * in + g * ig + c) * H + i) * W + j;
                                        int wi = (((g * ig + c) * og + o) * K + ky) * K + kx;
                                        int ti =
                                                ((n * out + g * og + o) * ho + 2 * i + ky) * wo
                                                        + 2 * j
                                                        + kx;
                                        expect[ti] += xs[xi] * ws[wi];
                                        gx[xi] += rs[ti] * ws[wi];
                                        gw[wi] += rs[ti] * xs[xi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertArrayEquals(new long[] {N, out, ho, wo}, t.getShape().getShape());
        assertArrayEquals(expect, t.toFloatArray(), 1e-4f);
        assertArrayEquals(gx, x.getGradient().toFloatArray(), 1e-4f);
        assertArrayEquals(gw, w.getGradient().toFloatArray(), 1e-4f);
    }
}
