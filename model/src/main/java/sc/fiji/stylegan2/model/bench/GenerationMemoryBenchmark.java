package sc.fiji.stylegan2.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Memory benchmark of generation (not a test): generates seeds 0, 1, 2, ... through the same path
 * as Generate Images ({@code StyleGAN2Model.generate}: mapping, batched synthesis, one NDScope per
 * batch), a thousand seeds per request, and prints the resident set size every {@code every} seeds
 * as a Markdown table, then the growth after warm-up (the first report; must stay under 5 %). The
 * images are dropped as they come. The model is a freshly initialised small one (z = w = 512,
 * mapping 8, RGB) so that 100,000 seeds take minutes.
 *
 * <p>Run it as the launcher does (tcmalloc), with a fixed, pre-touched Java heap so that the JVM's
 * own heap growth does not read as native memory growth:
 *
 * <pre>
 *   STYLEGAN2_JAVA_OPTS="-Xms1g -Xmx1g -XX:+AlwaysPreTouch" ./stylegan2 --bench generation-memory \
 *       [seeds=100000] [every=10000] [batch=32] [resolution=32] [channel_base=1024] [channel_max=64]
 * </pre>
 */
public final class GenerationMemoryBenchmark {

    private static final int SEEDS_PER_REQUEST = 1000;

    private GenerationMemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        int seeds = arg(args, 0, 100_000);
        int every = arg(args, 1, 10_000);
        int batch = arg(args, 2, 32);
        int res = arg(args, 3, 32);
        GeneratorConfig cfg =
                GeneratorConfig.builder()
                        .setZDim(512)
                        .setWDim(512)
                        .setMappingLayers(8)
                        .setResolution(res)
                        .setImgChannels(3)
                        .setChannelBase(arg(args, 4, 1024))
                        .setChannelMax(arg(args, 5, 64))
                        .build();
        System.out.printf(
                Locale.ROOT,
                "Generation memory: %d px RGB, channel base %d, max %d, batch %d, %d seeds%n%n",
                res,
                cfg.channelBase(),
                cfg.channelMax(),
                batch,
                seeds);
        System.out.println("| seeds | RSS (MB) | Java heap used (MB) | img/s |");
        System.out.println("|---:|---:|---:|---:|");
        double warm = Double.NaN;
        double last = Double.NaN;
        double highest = 0;
        try (StyleGAN2Model model =
                StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
            long t = System.nanoTime();
            for (int done = 0; done < seeds; ) {
                int n = Math.min(SEEDS_PER_REQUEST, seeds - done);
                long[] request = new long[n];
                for (int i = 0; i < n; i++) {
                    request[i] = done + i;
                }
                model.generate(
                        GenerateRequest.builder(request).optBatchSize(batch).build(),
                        ProgressListener.NONE);
                int before = done;
                done += n;
                if (done / every > before / every) {
                    last = rssMegabytes();
                    highest = Math.max(highest, last);
                    if (Double.isNaN(warm)) {
                        warm = last; // the first report is the warm-up reference
                    }
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf(
                            Locale.ROOT,
                            "| %d | %.1f | %.1f | %.0f |%n",
                            done,
                            last,
                            (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                            every / ((System.nanoTime() - t) / 1e9));
                    t = System.nanoTime();
                }
            }
        }
        double growth = (last - warm) / warm * 100;
        System.out.printf(
                Locale.ROOT,
                "%nGrowth after warm-up (%d → %d seeds): %.2f %% (highest %.1f MB; %s; limit"
                        + " 5 %%)%n",
                every,
                seeds,
                growth,
                highest,
                growth < 5 ? "pass" : "FAIL");
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    /** VmRSS of this process from /proc (Linux). */
    static double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
