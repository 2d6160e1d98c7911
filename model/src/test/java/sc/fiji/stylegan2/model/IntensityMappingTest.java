package sc.fiji.stylegan2.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The affine map y = x * scale + offset, applied plane by plane. */
class IntensityMappingTest {

    private static float[] randomValues(int n) {
        Random random = new Random(7);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return values;
    }

    @Test
    void perChannelApplyGivesEachValueItsChannelsMapExactly() {
        IntensityMapping mapping =
                IntensityMapping.ofDataRanges(
                        new double[] {0, 10_000, -5}, new double[] {255, 30_000, 5});
        int plane = 4 * 5, channels = 3, images = 2;
        float[] x = randomValues(images * channels * plane);
        float[] y = x.clone();
        mapping.apply(y, plane);
        for (int i = 0; i < x.length; i++) {
            int c = (i / plane) % channels;
            assertEquals(
                    (float) (x[i] * mapping.scale(c) + mapping.offset(c)), y[i], 0f, "value " + i);
        }
    }

    @Test
    void sharedApplyGivesEveryValueTheSameMapExactly() {
        IntensityMapping mapping = IntensityMapping.OFFICIAL_8BIT;
        float[] x = randomValues(37);
        float[] y = x.clone();
        mapping.apply(y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(
                    (float) (x[i] * mapping.scale() + mapping.offset()), y[i], 0f, "value " + i);
        }
    }
}
