package sc.fiji.stylegan2.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.nn.ModconvStrategy;
import sc.fiji.stylegan2.model.nn.WeightCache;

/**
 * Generation speed: images/s of the full generator (mapping + synthesis, noise const) for 32–256 px
 * at batch 1 and 8, for the paper256-like config (channel base 16384, max 512) and the 8192/256
 * config, both with mapping 8 and z = w = 512, unfused (the default) and fused modulation. Prints a
 * Markdown table.
 *
 * <p>Usage: {@code GenerationBenchmark [seconds-per-case] [resolutions] [configs]}.
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6;
        String[] resolutions = (args.length > 1 ? args[1] : "32,64,128,256").split(",");
        String configs = args.length > 2 ? args[2] : "8192/256,16384/512";
        System.out.printf(
                "# Generation benchmark (%s, %d threads, %s)%n",
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(),
                Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("LD_PRELOAD", "").contains("tcmalloc")
                        ? "tcmalloc"
                        : "default malloc");
        System.out.println("| config | res | batch | modconv | img/s | ms/batch |");
        System.out.println("|---|---|---|---|---|---|");
        for (String c : configs.split(",")) {
            int base = Integer.parseInt(c.split("/")[0]);
            int max = Integer.parseInt(c.split("/")[1]);
            for (String r : resolutions) {
                int res = Integer.parseInt(r.trim());
                GeneratorConfig cfg =
                        GeneratorConfig.builder()
                                .setZDim(512)
                                .setWDim(512)
                                .setMappingLayers(8)
                                .setResolution(res)
                                .setImgChannels(3)
                                .setChannelBase(base)
                                .setChannelMax(max)
                                .build();
                try (StyleGAN2Model model =
                        StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
                    for (int batch : new int[] {1, 8}) {
                        for (boolean fused : new boolean[] {false, true}) {
                            double ms = timeBatch(model, batch, fused, seconds);
                            System.out.printf(
                                    Locale.ROOT,
                                    "| %d/%d | %d | %d | %s | %.2f | %.1f |%n",
                                    base,
                                    max,
                                    res,
                                    batch,
                                    fused ? "fused" : "unfused",
                                    batch * 1000 / ms,
                                    ms);
                        }
                    }
                }
            }
        }
    }

    /**
     * Median milliseconds per batch after two warm-up batches, over about {@code seconds}, with the
     * weights' derived forms made once for the run ({@link WeightCache}) as Generate Images makes
     * them.
     */
    static double timeBatch(StyleGAN2Model model, int batch, boolean fused, double seconds) {
        try (WeightCache cache = WeightCache.open()) {
            return medianBatchMillis(model, batch, fused, seconds);
        }
    }

    private static double medianBatchMillis(
            StyleGAN2Model model, int batch, boolean fused, double seconds) {
        NDManager m = model.manager();
        GeneratorConfig cfg = model.config();
        SynthesisOptions opt =
                SynthesisOptions.of(NoiseMode.CONST)
                        .withModconv(fused ? ModconvStrategy.FUSED : ModconvStrategy.UNFUSED);
        List<Double> times = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < 2 || System.nanoTime() < end || times.size() < 3; i++) {
            long t0 = System.nanoTime();
            try (NDScope s = new NDScope()) {
                NDArray z = m.randomNormal(new Shape(batch, cfg.zDim()));
                model.generator().forward(z, 1, null, opt).toFloatArray();
            }
            long t1 = System.nanoTime();
            if (i == 1) {
                end = t1 + (long) (seconds * 1e9);
            }
            if (i >= 2) {
                times.add((t1 - t0) / 1e6);
            }
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
