package sc.fiji.stylegan2.training.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DetailMotionTest {

    private static final int N = 32;

    /** Random texture, circularly shifted by (dx, dy): b(x, y) = a(x − dx, y − dy). */
    private static float[][] pair(int dx, int dy) {
        Random r = new Random(5);
        float[] a = new float[N * N], b = new float[N * N];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                b[((y + dy) % N) * N + (x + dx) % N] = a[y * N + x];
            }
        }
        return new float[][] {a, b};
    }

    @Test
    void phaseCorrelationFindsACircularShift() {
        float[][] p = pair(3, 30); // 30 wraps to -2
        double[] d = DetailMotion.shift(p[0], p[1], N);
        assertEquals(3, d[0], 1e-6);
        assertEquals(-2, d[1], 1e-6);
    }

    @Test
    void theHighPassPartMovesWithTheImage() {
        float[][] p = pair(5, 1);
        double[] d =
                DetailMotion.shift(
                        DetailMotion.highPass(p[0], N), DetailMotion.highPass(p[1], N), N);
        assertEquals(5, d[0], 1e-6);
        assertEquals(1, d[1], 1e-6);
    }

    @Test
    void theLowPassOfAConstantIsTheConstant() {
        float[] c = new float[N * N];
        java.util.Arrays.fill(c, 2.5f);
        for (float v : DetailMotion.lowPass(c, N)) {
            assertEquals(2.5f, v, 1e-5f);
        }
    }
}
