package sc.fiji.stylegan2.training.bench;

import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.loop.BatchSampler;
import sc.fiji.stylegan2.training.loop.TrainingSession;

/**
 * Speed benchmark (not a test): training throughput in kimg per hour, printed as a Markdown table,
 * at 32 and 64 px for two setups: z = w = 512, mapping 8, channel base 8192, at most 256 channels,
 * batch 8, the lazy schedule (G regularises every 4, D every 16), and config {@code small}. The
 * official code's figures for the same setups come from {@code bench/official_speed.py} in the same
 * run ({@code bench/side-by-side.sh}), never from another machine or day. Every row sets
 * augmentation to none explicitly: the default, {@code ada}, would add the augment pipe once p
 * rises, and the official side is timed without augmentation. Each row times whole lazy cycles (a
 * multiple of 16 minibatches) after a warm-up, so the regularisation phases are counted at their
 * real frequency. The warm-up is at least the given number of minibatches and at least {@value
 * #WARMUP_SECONDS} s ({@code bench/official_speed.py} warms up by the same rule): a small setup at
 * 32 px still got 20 % faster over its first ~200 minibatches (about 20 s) in one process, and the
 * official side moves as much between processes (the 512 setup's 32 minibatches take 30-90 s).
 *
 * <pre>
 *   java -cp ... sc.fiji.stylegan2.training.bench.SpeedBenchmark [cycles=2] [warmup=32] [precisions=fp32] [setups=512,small]
 * </pre>
 *
 * With {@code precisions} {@code fp32,bf16} every setup runs once per precision ({@link
 * Precision}), one row each.
 */
public final class SpeedBenchmark {

    /** The least warm-up time per row, whatever the warm-up minibatches. */
    static final int WARMUP_SECONDS = 30;

    private SpeedBenchmark() {}

    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        // Steady state, as the official per-tick timings: the first minibatches run slower while
        // the JVM compiles the training loop and libtorch settles its allocations.
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        System.out.printf(
                Locale.ROOT,
                "Training speed, %d lazy cycles of 16 minibatches after at least %d warm-up"
                        + " minibatches and %d s, %d threads (OMP_NUM_THREADS=%s)%n%n",
                cycles,
                warmup,
                WARMUP_SECONDS,
                Runtime.getRuntime().availableProcessors(),
                System.getenv("OMP_NUM_THREADS"));
        System.out.println("| setup | px | batch | s/minibatch | kimg/h |");
        System.out.println("|---|---:|---:|---:|---:|");
        String[] precisions = (args.length > 2 ? args[2] : "fp32").split(",");
        List<String> setups = List.of((args.length > 3 ? args[3] : "512,small").split(","));
        for (String key : precisions) {
            Precision p = Precision.parse(key);
            String tag = precisions.length > 1 ? " " + p.resolve().key() : "";
            for (int res : setups.contains("512") ? new int[] {32, 64} : new int[0]) {
                row("512/8/8192/256" + tag, paper(res, p), cycles, warmup);
            }
            for (int res : setups.contains("small") ? new int[] {32, 64} : new int[0]) {
                row(
                        "small" + tag,
                        TrainingOptions.builder(TrainingConfig.SMALL, res, 1)
                                .optAugment(AugmentOptions.none())
                                .optPrecision(p)
                                .build(),
                        cycles,
                        warmup);
            }
        }
    }

    /**
     * The setup the official code was timed with: config auto's objective with this network and
     * batch.
     */
    static TrainingOptions paper(int res, Precision precision) {
        return TrainingOptions.builder(TrainingConfig.AUTO, res, 1)
                .network(512, 8, 8192, 256)
                .optBatchSize(8)
                .optMbstdGroup(4)
                .optAugment(AugmentOptions.none())
                .optPrecision(precision)
                .build();
    }

    private static void row(String name, TrainingOptions o, int cycles, int warmup) {
        BlobData data = new BlobData(64, o.imgChannels(), o.resolution(), 1);
        BatchSampler sampler = new BatchSampler(data, o.seed(), false);
        try (TrainingSession s = TrainingSession.start(o, data.intensity())) {
            long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
            for (int i = 0; i < warmup || System.nanoTime() < warmupEnd; i++) {
                s.step(sampler.batch(s.state().curNimg(), o.batchSize()));
            }
            // Start timing at a minibatch where both regularisations are due, then run whole
            // cycles.
            while (s.state().batchIdx() % 16 != 0) {
                s.step(sampler.batch(s.state().curNimg(), o.batchSize()));
            }
            int steps = 16 * cycles;
            long t = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                s.step(sampler.batch(s.state().curNimg(), o.batchSize()));
            }
            double perStep = (System.nanoTime() - t) / 1e9 / steps;
            double kimgPerHour = o.batchSize() / perStep * 3600 / 1000;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.3f | %.1f |%n",
                    name,
                    o.resolution(),
                    o.batchSize(),
                    perStep,
                    kimgPerHour);
        }
    }
}
