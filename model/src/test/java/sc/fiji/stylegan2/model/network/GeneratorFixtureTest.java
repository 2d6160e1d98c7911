package sc.fiji.stylegan2.model.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.generate.NumpyRandom;
import sc.fiji.stylegan2.model.testutil.Fixtures;

class GeneratorFixtureTest {

    static GeneratorConfig configOf(Path fx) throws Exception {
        JsonObject a = Fixtures.manifest(fx).getAsJsonObject("command_args");
        return GeneratorConfig.builder().setZDim(a.get("z_dim").getAsInt()).setWDim(a.get("w_dim").getAsInt())
                .setMappingLayers(a.get("map").getAsInt()).setResolution(a.get("res").getAsInt())
                .setImgChannels(a.get("channels").getAsInt()).setChannelBase(a.get("channel_base").getAsInt())
                .setChannelMax(a.get("channel_max").getAsInt()).build();
    }

    @Test
    void rawWeightsReproduceOfficialWAndImages() throws Exception {
        for (Path fx : Fixtures.all()) {
            GeneratorConfig cfg = configOf(fx);
            try (NDManager m = NDManager.newBaseManager()) {
                Generator g = new Generator(m, cfg);
                g.loadStateDict(Fixtures.rawGEma(fx), "raw");
                for (String psi : new String[] {"1p00", "0p70"}) {
                    for (int seed = 0; seed < 4; seed++) {
                        NDArray z = m.create(NumpyRandom.z(seed, cfg.zDim()), new Shape(1, cfg.zDim()));
                        NDArray ws = g.mapping().forward(z, psi.equals("1p00") ? 1.0 : 0.7, null);
                        float[] wExp = Fixtures.floats(fx.resolve("w_seed" + seed + "_psi" + psi + ".bin"));
                        double wErr = Fixtures.maxAbsDiff(wExp, ws.toFloatArray());
                        float[] iExp = Fixtures.floats(fx.resolve("img_seed" + seed + "_psi" + psi + ".bin"));
                        NDArray wsRef = m.create(wExp, ws.getShape());
                        for (Boolean fused : new Boolean[] {true, false}) {
                            NDArray img = g.synthesis().forward(wsRef, new SynthesisOptions(NoiseMode.CONST, fused, null));
                            double iErr = Fixtures.maxAbsDiff(iExp, img.toFloatArray());
                            System.out.printf("%s seed %d psi %s fused %s: w err %.3g, img err %.3g%n",
                                    fx.getFileName(), seed, psi, fused, wErr, iErr);
                            assertTrue(wErr <= 1e-4, "w err " + wErr);
                            assertTrue(iErr <= 1e-3, "img err " + iErr);
                        }
                    }
                }
            }
        }
    }
}
