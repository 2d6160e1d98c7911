package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MappingNetworkTest {

    @Test
    void updateWAvgLerpsFromTheBatchMeanTowardsTheOldAverage() {
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(4)
                        .setWDim(3)
                        .setMappingLayers(1)
                        .setResolution(8)
                        .setImgChannels(1)
                        .setChannelBase(32)
                        .setChannelMax(4)
                        .optWAvgBeta(0.9)
                        .build();
        try (NDManager m = NDManager.newBaseManager()) {
            MappingNetwork mapping = new MappingNetwork(m, cfg);
            mapping.wAvg().set(new float[] {1, 2, 3});
            // ws [2, num_ws = 4, 3], rows equal per sample; batch mean w = (2, 0, -1).
            float[] w0 = {1, 1, 0}, w1 = {3, -1, -2};
            float[] ws = new float[2 * 4 * 3];
            for (int k = 0; k < 4; k++) {
                System.arraycopy(w0, 0, ws, k * 3, 3);
                System.arraycopy(w1, 0, ws, 12 + k * 3, 3);
            }
            NDArray x = m.create(ws, new Shape(2, 4, 3));
            mapping.updateWAvg(x);
            // lerp(mean, w_avg, 0.9) = mean + 0.9 (w_avg − mean)
            assertArrayEquals(
                    new float[] {2 + 0.9f * (1 - 2), 0 + 0.9f * 2, -1 + 0.9f * 4},
                    mapping.wAvg().toFloatArray(),
                    1e-6f);
        }
    }
}
