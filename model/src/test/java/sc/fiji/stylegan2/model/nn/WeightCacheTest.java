package sc.fiji.stylegan2.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.optim.Adam;
import sc.fiji.stylegan2.model.torch.NoGrad;

class WeightCacheTest {

    /** A derivation that counts its calls. */
    private static UnaryOperator<NDArray> counting(AtomicInteger calls) {
        return w -> {
            calls.incrementAndGet();
            return w.mul(2);
        };
    }

    @Test
    void aScopeDerivesEachFormOnceAndFreesItOnClose() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            AtomicInteger calls = new AtomicInteger();
            NDArray first;
            try (WeightCache cache = WeightCache.open()) {
                first = WeightCache.derived(w, "twice", counting(calls));
                assertSame(first, WeightCache.derived(w, "twice", counting(calls)));
                assertEquals(1, calls.get());
                assertEquals(6f, first.getFloat(2));
            }
            assertTrue(first.isReleased(), "the cached form is freed with its scope");
            try (WeightCache cache = WeightCache.open()) {
                WeightCache.derived(w, "twice", counting(calls));
            }
            assertEquals(2, calls.get(), "a new scope derives again");
        }
    }

    @Test
    void outsideAScopeEveryCallDerivesAfresh() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            AtomicInteger calls = new AtomicInteger();
            WeightCache.derived(w, "twice", counting(calls));
            WeightCache.derived(w, "twice", counting(calls));
            assertEquals(2, calls.get());
            assertFalse(WeightCache.isOpen());
        }
    }

    @Test
    void aCachedFormOutlivesTheBatchScopeItWasMadeIn() {
        try (NDManager m = NDManager.newBaseManager();
                WeightCache cache = WeightCache.open()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            NDArray form;
            try (NDScope batch = new NDScope()) {
                form = WeightCache.derived(w, "twice", x -> x.mul(2));
            }
            assertFalse(form.isReleased());
            assertSame(form, WeightCache.derived(w, "twice", x -> x.mul(3)));
        }
    }

    @Test
    void aWeightUsedAsItIsStaysItsOwnersAfterTheScope() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            try (WeightCache cache = WeightCache.open()) {
                assertSame(w, WeightCache.derived(w, "as is", UnaryOperator.identity()));
            }
            assertFalse(w.isReleased(), "closing the cache must not free the weight itself");
            assertEquals(3f, w.getFloat(2));
        }
    }

    @Test
    void aWeightThatTakesGradientsIsNeverCached() {
        try (NDManager m = NDManager.newBaseManager();
                WeightCache cache = WeightCache.open()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            w.setRequiresGradient(true);
            AtomicInteger calls = new AtomicInteger();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                WeightCache.derived(w, "twice", counting(calls));
                WeightCache.derived(w, "twice", counting(calls));
            }
            assertEquals(2, calls.get());
        }
    }

    @Test
    void anOptimizerStepOnACachedWeightIsAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            w.setRequiresGradient(true);
            try (Adam adam = new Adam(m, Map.of("w", w), 0.1, 0.9, 0.999, 1e-8)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(w.square().sum());
                }
                // Without gradient recording, as generation runs, the weight is cached.
                try (NoGrad off = NoGrad.enter();
                        WeightCache cache = WeightCache.open()) {
                    WeightCache.derived(w, "twice", x -> x.mul(2));
                    assertThrows(IllegalStateException.class, adam::step);
                }
                adam.step(); // closed: nothing can go stale
                assertNotEquals(1f, w.getFloat(0));
            }
        }
    }

    @Test
    void generationAfterNewWeightsUsesThemNotTheFormsOfAnEarlierScope() throws Exception {
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(8)
                        .setWDim(8)
                        .setMappingLayers(1)
                        .setResolution(16)
                        .setImgChannels(1)
                        .setChannelBase(64)
                        .setChannelMax(16)
                        .build();
        try (NDManager m = NDManager.newBaseManager()) {
            Generator g = new Generator(m, cfg);
            NDArray ws = m.randomNormal(new Shape(1, cfg.numWs(), cfg.wDim()));
            SynthesisOptions opt = SynthesisOptions.of(NoiseMode.NONE);
            float[] before;
            try (WeightCache cache = WeightCache.open()) {
                before = g.synthesis().forward(ws, opt).toFloatArray();
                Map<String, TensorData> state = g.exportStateDict();
                assertThrows(
                        IllegalStateException.class,
                        () -> g.loadStateDict(state, "the same weights"),
                        "loading weights while their forms are cached");
            }
            Map<String, TensorData> changed = new HashMap<>(g.exportStateDict());
            changed.replaceAll((k, t) -> k.endsWith("conv1.weight") ? negated(t) : t);
            g.loadStateDict(changed, "changed weights");
            float[] uncached = g.synthesis().forward(ws, opt).toFloatArray();
            float[] cached;
            try (WeightCache cache = WeightCache.open()) {
                cached = g.synthesis().forward(ws, opt).toFloatArray();
            }
            assertNotEquals(before[0], uncached[0], "the change must show in the image");
            for (int i = 0; i < cached.length; i++) {
                assertEquals(uncached[i], cached[i], 1e-5, "pixel " + i);
            }
        }
    }

    private static TensorData negated(TensorData t) {
        float[] d = t.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = -d[i];
        }
        return new TensorData(t.shape(), d);
    }
}
