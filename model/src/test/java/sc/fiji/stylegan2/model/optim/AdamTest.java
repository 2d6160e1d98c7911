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

    @Test
    void nonFiniteGradientsAreRepairedAsOfficiallyAndCounted() {
        try (NDManager mgr = NDManager.newBaseManager()) {
            NDArray p = mgr.create(new float[] {1f, 2f, 3f});
            NDArray q = mgr.create(new float[] {5f});
            p.setRequiresGradient(true);
            q.setRequiresGradient(true);
            try (Adam adam = new Adam(mgr, Map.of("p", p, "q", q), 0.1, 0.9, 0.999, 1e-8)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray weights =
                            mgr.create(new float[] {Float.NaN, Float.POSITIVE_INFINITY, 1f});
                    gc.backward(p.mul(weights).sum().add(q.sum())); // grads: p [NaN, inf, 1], q [1]
                }
                assertEquals(1, adam.step(), "one parameter had a non-finite gradient");
                float[] after = p.toFloatArray();
                assertEquals(1f, after[0], 1e-6, "NaN became 0: no move");
                assertEquals(1.9f, after[1], 1e-5, "inf became 1e5: a full step against it");
                assertEquals(2.9f, after[2], 1e-5);
                assertEquals(4.9f, q.getFloat(0), 1e-5);
                assertEquals(0f, p.getGradient().abs().sum().getFloat(), "gradients are cleared");
            }
        }
    }
}
