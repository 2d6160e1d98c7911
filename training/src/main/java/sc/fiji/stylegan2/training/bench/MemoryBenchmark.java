package sc.fiji.stylegan2.training.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.loop.BatchSampler;
import sc.fiji.stylegan2.training.loop.TrainingSession;

/**
 * Memory benchmark (not a test): trains config {@code small} with R1 and path length regularisation
 * on every minibatch (not lazily, to stress the second-order gradients) and prints the resident set
 * size every {@code every} steps as a Markdown table, then the growth after warm-up (must stay
 * under 5 %).
 *
 * <p>Run it as the launcher runs training, with tcmalloc, and with a fixed, pre-touched Java heap
 * so that the JVM's own heap growth does not read as native memory growth:
 *
 * <pre>
 *   LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 java -Xms512m -Xmx512m -XX:+AlwaysPreTouch \
 *       -cp ... sc.fiji.stylegan2.training.bench.MemoryBenchmark [steps=2000] [every=200] [resolution=32]
 * </pre>
 *
 * With glibc's malloc instead, RSS creeps up for a few hundred steps (fragmentation) before
 * levelling off; with tcmalloc it is flat from the first report.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int res = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        TrainingOptions o =
                TrainingOptions.builder(TrainingConfig.SMALL, res, 1).optRegIntervals(1, 1).build();
        BlobData data = new BlobData(256, 1, res, 1);
        BatchSampler sampler = new BatchSampler(data, o.seed(), false);
        System.out.printf(
                Locale.ROOT,
                "Memory: config small, %d px, batch %d, R1 and path length every step%n%n",
                res,
                o.batchSize());
        System.out.println("| step | RSS (MB) | Java heap used (MB) | s/step |");
        System.out.println("|---:|---:|---:|---:|");
        double warm = Double.NaN;
        double last = Double.NaN;
        try (TrainingSession session = TrainingSession.start(o, data.intensity())) {
            long t = System.nanoTime();
            for (int step = 1; step <= steps; step++) {
                session.step(sampler.batch(session.state().curNimg(), o.batchSize()));
                if (step % every == 0) {
                    last = rssMegabytes();
                    if (Double.isNaN(warm)) {
                        warm = last; // the first report is the warm-up reference
                    }
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf(
                            Locale.ROOT,
                            "| %d | %.1f | %.1f | %.3f |%n",
                            step,
                            last,
                            (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                            (System.nanoTime() - t) / 1e9 / every);
                    t = System.nanoTime();
                }
            }
        }
        double growth = (last - warm) / warm * 100;
        System.out.printf(
                Locale.ROOT,
                "%nGrowth after warm-up (step %d → %d): %.2f %% (%s; limit 5 %%)%n",
                every,
                steps,
                growth,
                growth < 5 ? "pass" : "FAIL");
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
