package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.model.nn.Module;
import sc.fiji.stylegan2.model.torch.MemoryFormat;
import sc.fiji.stylegan2.model.torch.ScriptModules;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * The channels-last layout changes strides, never values: G and D give the same outputs and the
 * same parameter gradients either way (up to float rounding of the reordered sums).
 */
class ChannelsLastTest {

    @Test
    void copyKeepsTheValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
            NDArray y = MemoryFormat.channelsLast(x);
            assertArrayEquals(x.getShape().getShape(), y.getShape().getShape());
            assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
        }
    }

    @Test
    void oneChannelImageBecomesChannelsLastWithoutACopy() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray img = m.randomNormal(new Shape(4, 1, 8, 8));
            assertFalse(isChannelsLast(img));
            NDArray y = MemoryFormat.channelsLast(img);
            assertTrue(isChannelsLast(y));
            // A view: writing through the original shows in it.
            img.set(new NDIndex("0, 0, 0, 0"), 7f);
            assertEquals(7f, y.getFloat(0, 0, 0, 0));
        }
    }

    @Test
    void discriminatorFeaturesAreChannelsLastFromTheFirstBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int channels : new int[] {1, 3}) {
                DiscriminatorBlock first =
                        new DiscriminatorBlock(
                                m, 0, 16, 32, channels, new float[] {1, 3, 3, 1}, null);
                NDArray img = m.randomNormal(new Shape(4, channels, 16, 16));
                assertTrue(isChannelsLast(first.forward(null, img, true)), channels + " channels");
                assertFalse(
                        isChannelsLast(first.forward(null, img, false)), channels + " channels");
            }
        }
    }

    /**
     * Whether {@code x} has channels-last strides (the channel stride is 1): what libtorch's {@code
     * suggest_memory_format} reads and a convolution's output follows, also for one channel, where
     * both layouts are contiguous.
     */
    private static boolean isChannelsLast(NDArray x) {
        PtSymbolBlock strides =
                ScriptModules.get(
                        "StridesProbe",
                        n ->
                                TorchScriptArchive.forwardSource(
                                        n,
                                        List.of("x: Tensor"),
                                        "Tensor",
                                        "return torch.tensor(torch.stride(x), dtype=None,"
                                                + " device=None, requires_grad=False)"));
        long[] s = ScriptModules.forward(strides, x).toLongArray();
        long[] shape = x.getShape().getShape();
        return s[1] == 1 && s[3] == shape[1] && s[2] == shape[1] * shape[3];
    }

    @Test
    void synthesisGivesTheSameImagesAndGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(5);
            GeneratorConfig cfg =
                    GeneratorConfig.builder()
                            .setZDim(16)
                            .setWDim(16)
                            .setMappingLayers(2)
                            .setResolution(16)
                            .setImgChannels(3)
                            .setChannelBase(256)
                            .setChannelMax(32)
                            .build();
            Generator g = new Generator(m, cfg);
            randomize(g, m);
            NDArray ws = m.randomNormal(new Shape(4, cfg.numWs(), cfg.wDim()));
            SynthesisOptions opt =
                    SynthesisOptions.of(NoiseMode.CONST).withModconv(ModconvStrategy.UNFUSED);
            compare(g, w -> g.synthesis().forward(ws, opt.withChannelsLast(w)));
        }
    }

    @Test
    void discriminatorGivesTheSameLogitsAndGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setSeed(6);
            Discriminator d =
                    new Discriminator(m, new DiscriminatorConfig(16, 3, 256, 32, 4, 1, null));
            randomize(d, m);
            NDArray img = m.randomNormal(new Shape(8, 3, 16, 16));
            compare(d, w -> d.forward(img, w));
        }
    }

    /** Non-zero biases and noise strengths, so every term of the layers matters. */
    private static void randomize(Module net, NDManager m) {
        for (NDArray p : net.namedParameters().values()) {
            if (p.getShape().dimension() <= 1) {
                p.addi(m.randomNormal(p.getShape()).mul(0.3f));
            }
        }
    }

    private static void compare(Module net, Function<Boolean, NDArray> run) {
        float[][] out = new float[2][];
        List<List<float[]>> grads = new ArrayList<>();
        Map<String, NDArray> params = net.namedParameters();
        params.values().forEach(p -> p.setRequiresGradient(true));
        for (boolean channelsLast : new boolean[] {false, true}) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = run.apply(channelsLast);
                out[channelsLast ? 1 : 0] = y.toFloatArray();
                gc.backward(y.square().sum());
            }
            List<float[]> g = new ArrayList<>();
            for (NDArray p : params.values()) {
                g.add(p.getGradient().toFloatArray());
            }
            grads.add(g);
        }
        assertArrayEquals(out[0], out[1], 1e-4f);
        int i = 0;
        for (String name : params.keySet()) {
            // Gradients accumulate: the second reading holds both runs.
            float[] a = grads.get(0).get(i), b = grads.get(1).get(i++).clone();
            for (int k = 0; k < b.length; k++) {
                b[k] -= a[k];
            }
            float scale = 1e-6f;
            for (float v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int k = 0; k < a.length; k++) {
                assertTrue(
                        Math.abs(a[k] - b[k]) <= 1e-4f * scale,
                        name + "[" + k + "]: " + a[k] + " vs " + b[k]);
            }
        }
    }
}
