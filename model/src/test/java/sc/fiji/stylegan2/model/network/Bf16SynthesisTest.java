package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.model.nn.WeightCache;
import sc.fiji.stylegan2.model.testutil.Bfloat16;
import sc.fiji.stylegan2.model.testutil.Fixtures;
import sc.fiji.stylegan2.model.testutil.Images;
import sc.fiji.stylegan2.model.torch.Autocast;

/**
 * The generator in bfloat16 ({@link Precision#BF16}: its highest resolutions, fused and unfused
 * modulation, unfused also with the bfloat16 weights cached as generation runs it) against the
 * official float32 images of the fixtures, within the bound of bfloat16 rounding ({@link
 * Bfloat16}).
 */
class Bf16SynthesisTest {

    static Stream<Arguments> cases() throws Exception {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Path fx : Fixtures.all()) {
            for (String psi : new String[] {"1p00", "0p70"}) {
                String name = fx.getFileName().toString();
                b.add(Arguments.of(name, psi, ModconvStrategy.FUSED, false));
                b.add(Arguments.of(name, psi, ModconvStrategy.UNFUSED, false));
                b.add(Arguments.of(name, psi, ModconvStrategy.UNFUSED, true));
                b.add(Arguments.of(name, psi, ModconvStrategy.UNFUSED_POLYPHASE, false));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} psi {1} {2} cached {3}")
    @MethodSource("cases")
    void bf16ImagesDifferFromFloat32ByBfloat16RoundingOnly(
            String fixture, String psi, ModconvStrategy modconv, boolean cached) throws Exception {
        Path fx = Fixtures.root().resolve(fixture);
        GeneratorConfig cfg = GeneratorFixtureTest.configOf(fx);
        try (NDManager m = NDManager.newBaseManager()) {
            Generator g = new Generator(m, cfg);
            g.loadStateDict(Fixtures.rawGEma(fx), "raw");
            SynthesisOptions opt = SynthesisOptions.of(NoiseMode.CONST).withModconv(modconv);
            for (int seed = 0; seed < 4; seed++) {
                float[] w = Fixtures.floats(fx.resolve("w_seed" + seed + "_psi" + psi + ".bin"));
                float[] expected =
                        Fixtures.floats(fx.resolve("img_seed" + seed + "_psi" + psi + ".bin"));
                NDArray ws = m.create(w, new Shape(1, cfg.numWs(), cfg.wDim()));
                float[] image;
                try (Autocast bf16 = Autocast.request(Precision.BF16);
                        WeightCache cache = cached ? WeightCache.open() : null) {
                    // Twice in a cache: the second pass runs on the bfloat16 weights the first
                    // one made.
                    image = g.synthesis().forward(ws, opt).toFloatArray();
                    if (cached) {
                        image = g.synthesis().forward(ws, opt).toFloatArray();
                    }
                }
                double max = Images.maxAbsDiff(expected, image);
                double mean = Images.meanAbsDiff(expected, image);
                double sigma = Bfloat16.sigma(cfg.resolution(), expected);
                System.out.printf(
                        "%s seed %d psi %s %s cached %s: bf16 vs float32 max %.3g mean %.3g"
                                + " (sigma %.3g)%n",
                        fixture, seed, psi, modconv, cached, max, mean, sigma);
                assertTrue(max > 0, "bf16 must change the image (else it did not run)");
                assertTrue(mean <= sigma, "mean difference " + mean + " above sigma " + sigma);
                Images.assertImagesClose(
                        expected,
                        image,
                        Bfloat16.maxDifference(cfg.resolution(), expected),
                        "bf16 against the official float32 image");
            }
        }
    }
}
