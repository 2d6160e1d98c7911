package sc.fiji.stylegan2.model.direction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.testutil.Fixtures;

/** SeFa on the official 64 px fixture (num_ws 10; ws 0-2 read by b4.conv1, b8.conv0, b8.conv1). */
class SeFaTest {

    private static final int[] COARSE = {0, 1, 2};
    private static final String[] COARSE_CONVS = {
        "synthesis.b4.conv1", "synthesis.b8.conv0", "synthesis.b8.conv1"
    };
    private static StyleGAN2Model model;

    @BeforeAll
    static void open() throws Exception {
        model =
                StyleGAN2Model.load(
                        Fixtures.root().resolve("res64-gray/network-snapshot-000000.pkl"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** AᵀA of the coarse convolutions' affine weights, each row scaled to unit length. */
    private static double[][] ata() {
        int wDim = model.config().wDim();
        double[][] m = new double[wDim][wDim];
        for (String conv : COARSE_CONVS) {
            float[] a = model.generator().stateDict().get(conv + ".affine.weight").toFloatArray();
            for (int r = 0; r < a.length / wDim; r++) {
                double norm = 0;
                for (int j = 0; j < wDim; j++) {
                    norm += a[r * wDim + j] * a[r * wDim + j];
                }
                for (int i = 0; i < wDim; i++) {
                    for (int j = 0; j < wDim; j++) {
                        m[i][j] += a[r * wDim + i] * a[r * wDim + j] / norm;
                    }
                }
            }
        }
        return m;
    }

    @Test
    void eachDirectionIsAUnitEigenvectorOfAtA() {
        Directions d = DirectionFinder.sefa(model, COARSE, 3);
        double[][] m = ata();
        for (int k = 0; k < d.count(); k++) {
            float[] v = d.vector(k);
            double lambda = d.scores()[k], norm = 0, residual = 0;
            for (int i = 0; i < v.length; i++) {
                norm += v[i] * v[i];
                double mv = 0;
                for (int j = 0; j < v.length; j++) {
                    mv += m[i][j] * v[j];
                }
                residual = Math.max(residual, Math.abs(mv - lambda * v[i]));
            }
            assertEquals(1, Math.sqrt(norm), 1e-6, "unit length of direction " + k);
            // float32 vectors of a double decomposition: |AᵀA d - λ d| ~ λ * 1e-7
            assertTrue(
                    residual < 1e-5 * lambda, "AᵀA d = λ d for direction " + k + ": " + residual);
        }
        assertTrue(d.scores()[0] >= d.scores()[1] && d.scores()[1] >= d.scores()[2]);
    }

    @Test
    void theLastToRgbsOwnWsAloneIsRefused() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DirectionFinder.sefa(model, new int[] {9}, 1));
        assertTrue(e.getMessage().startsWith("layers: ws index 9 feeds only the last toRGB"));
    }
}
