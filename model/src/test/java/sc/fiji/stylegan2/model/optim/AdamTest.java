package sc.fiji.stylegan2.model.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void firstStepMovesEachParameterByLearningRateAgainstTheGradientSign() {
        try (NDManager mgr = NDManager.newBaseManager()) {
            NDArray p = mgr.create(new float[] {1f, -2f});
            p.setRequiresGradient(true);
            try (Adam adam = new Adam(mgr, Map.of("p", p), 0.1, 0.9, 0.999, 1e-8)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(p.square().sum()); // g = 2p = [2, -4]
                }
                adam.step();
                // Bias-corrected m/sqrt(v) = g/|g| on the first step.
                float[] after = p.toFloatArray();
                assertEquals(0.9, after[0], 1e-5);
                assertEquals(-1.9, after[1], 1e-5);
            }
        }
    }

    @Test
    void minimisesAQuadratic() {
        try (NDManager mgr = NDManager.newBaseManager()) {
            NDArray p = mgr.create(new float[] {3f});
            p.setRequiresGradient(true);
            try (Adam adam = new Adam(mgr, Map.of("p", p), 0.05, 0.9, 0.999, 1e-8)) {
                for (int i = 0; i < 400; i++) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(p.sub(1f).square().sum());
                    }
                    adam.step();
                }
                assertEquals(1.0, p.getFloat(0), 0.05);
            }
        }
    }
}
