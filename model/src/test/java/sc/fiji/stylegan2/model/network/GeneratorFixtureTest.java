package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.generate.NumpyRandom;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.model.nn.WeightCache;
import sc.fiji.stylegan2.model.testutil.Fixtures;
import sc.fiji.stylegan2.model.testutil.Images;

class GeneratorFixtureTest {

    static GeneratorConfig configOf(Path fx) throws Exception {
        JsonObject a = Fixtures.manifest(fx).getAsJsonObject("command_args");
        return GeneratorConfig.builder()
                .setZDim(a.get("z_dim").getAsInt())
                .setWDim(a.get("w_dim").getAsInt())
                .setMappingLayers(a.get("map").getAsInt())
                .setResolution(a.get("res").getAsInt())
                .setImgChannels(a.get("channels").getAsInt())
                .setChannelBase(a.get("channel_base").getAsInt())
                .setChannelMax(a.get("channel_max").getAsInt())
                .build();
    }

    /**
     * One case per fixture, seed, ψ and modulated-convolution form (the path-length phase's
     * polyphase upsampling included); unfused also with the weights' derived forms cached ({@link
     * WeightCache}), as generation runs it.
     */
    static Stream<Arguments> cases() throws Exception {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Path fx : Fixtures.all()) {
            for (String psi : new String[] {"1p00", "0p70"}) {
                for (int seed = 0; seed < 4; seed++) {
                    String name = fx.getFileName().toString();
                    b.add(Arguments.of(name, seed, psi, ModconvStrategy.FUSED, false));
                    b.add(Arguments.of(name, seed, psi, ModconvStrategy.UNFUSED, false));
                    b.add(Arguments.of(name, seed, psi, ModconvStrategy.UNFUSED, true));
                    b.add(Arguments.of(name, seed, psi, ModconvStrategy.UNFUSED_POLYPHASE, false));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} seed {1} psi {2} {3} cached {4}")
    @MethodSource("cases")
    void rawWeightsReproduceOfficialWAndImages(
            String fixture, int seed, String psi, ModconvStrategy modconv, boolean cached)
            throws Exception {
        Path fx = Fixtures.root().resolve(fixture);
        GeneratorConfig cfg = configOf(fx);
        try (NDManager m = NDManager.newBaseManager()) {
            Generator g = new Generator(m, cfg);
            g.loadStateDict(Fixtures.rawGEma(fx), "raw");
            NDArray z = m.create(NumpyRandom.z(seed, cfg.zDim()), new Shape(1, cfg.zDim()));
            NDArray ws = g.mapping().forward(z, psi.equals("1p00") ? 1.0 : 0.7, null);
            float[] wExp = Fixtures.floats(fx.resolve("w_seed" + seed + "_psi" + psi + ".bin"));
            double wErr = Images.maxAbsDiff(wExp, ws.toFloatArray());
            float[] iExp = Fixtures.floats(fx.resolve("img_seed" + seed + "_psi" + psi + ".bin"));
            // The official w as input, so the image error is the synthesis network's alone.
            NDArray wsRef = m.create(wExp, ws.getShape());
            SynthesisOptions opt = SynthesisOptions.of(NoiseMode.CONST).withModconv(modconv);
            float[] image;
            try (WeightCache cache = cached ? WeightCache.open() : null) {
                // Twice in a cache: the second pass runs on the forms the first one derived.
                image = g.synthesis().forward(wsRef, opt).toFloatArray();
                if (cached) {
                    image = g.synthesis().forward(wsRef, opt).toFloatArray();
                }
            }
            double iErr = Images.maxAbsDiff(iExp, image);
            System.out.printf(
                    "%s seed %d psi %s %s cached %s: w err %.3g, img err %.3g%n",
                    fixture, seed, psi, modconv, cached, wErr, iErr);
            assertTrue(wErr <= 1e-4, "w err " + wErr);
            Images.assertImagesClose(
                    iExp,
                    image,
                    Images.OFFICIAL,
                    "synthesis from the official w against the" + " official image");
        }
    }
}
