package sc.fiji.stylegan2.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.model.nn.Bf16Conv;
import sc.fiji.stylegan2.model.torch.Autocast;
import sc.fiji.stylegan2.model.torch.CpuFlags;
import sc.fiji.stylegan2.model.torch.MemoryFormat;

/**
 * float32 against bfloat16 ({@link Precision}), as two Markdown tables: one 3×3 convolution (batch
 * 8, channels-last, 64–512 channels at 16–128 px) through the same paths the network takes (DJL's
 * {@code conv2d}; {@link Bf16Conv}, which casts input and weight on every call), and the
 * generator's img/s at 32–256 px, batch 1 and 8, channel base 8192, at most 256, as Generate Images
 * runs it (unfused, the weights' derived forms made once per run). Both precisions of a case run
 * alternately, {@code rounds} times, and each row reports the median of its rounds, so a load that
 * changes during the run touches both about equally; the ratio is the figure to read.
 *
 * <p>Usage: {@code PrecisionBenchmark [rounds=3] [seconds-per-case=3] [resolutions=32,64,128,256]}.
 */
public final class PrecisionBenchmark {

    private PrecisionBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        String[] resolutions = (args.length > 2 ? args[2] : "32,64,128,256").split(",");
        boolean native16 = Precision.AUTO.resolve() == Precision.BF16;
        System.out.printf(
                "# Precision benchmark (%d threads; CPU %s bfloat16 instructions: auto = %s)%n%n",
                Runtime.getRuntime().availableProcessors(),
                native16 ? "has" : "lacks",
                Precision.AUTO.resolve().key());
        convolutions(rounds);
        generation(rounds, seconds, resolutions);
        System.out.println();
        System.out.println("flags: " + String.join(" ", bf16Flags()));
    }

    private static List<String> bf16Flags() {
        List<String> out = new ArrayList<>();
        for (String f : CpuFlags.current()) {
            if (f.contains("bf16") || f.startsWith("amx") || f.equals("avx512f")) {
                out.add(f);
            }
        }
        return out;
    }

    private static void convolutions(int rounds) {
        System.out.println("| 3x3 conv, batch 8 | fp32 ms | bf16 ms | fp32/bf16 |");
        System.out.println("|---|---:|---:|---:|");
        int[][] cases = {{512, 16}, {256, 32}, {256, 64}, {128, 64}, {128, 128}, {64, 128}};
        for (int[] c : cases) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x =
                        MemoryFormat.channelsLast(m.randomNormal(new Shape(8, c[0], c[1], c[1])));
                NDArray w = m.randomNormal(new Shape(c[0], c[0], 3, 3)).mul(0.05);
                Shape one = new Shape(1, 1);
                Shape pad = new Shape(1, 1);
                double[] ms =
                        alternate(
                                rounds,
                                () ->
                                        median(
                                                () ->
                                                        Conv2d.conv2d(x, w, null, one, pad, one, 1)
                                                                .singletonOrThrow()),
                                () -> median(() -> Bf16Conv.conv2d(x, w, 1, 1, 1)));
                System.out.printf(
                        Locale.ROOT,
                        "| %d ch, %d px | %.2f | %.2f | %.2f |%n",
                        c[0],
                        c[1],
                        ms[0],
                        ms[1],
                        ms[0] / ms[1]);
            }
        }
        System.out.println();
    }

    private static void generation(int rounds, double seconds, String[] resolutions) {
        System.out.println("| generator 8192/256 | batch | fp32 img/s | bf16 img/s | bf16/fp32 |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String r : resolutions) {
            int res = Integer.parseInt(r.trim());
            GeneratorConfig cfg =
                    GeneratorConfig.builder()
                            .setZDim(512)
                            .setWDim(512)
                            .setMappingLayers(8)
                            .setResolution(res)
                            .setImgChannels(3)
                            .setChannelBase(8192)
                            .setChannelMax(256)
                            .build();
            try (StyleGAN2Model model =
                    StyleGAN2Model.create(cfg, null, IntensityMapping.OFFICIAL_8BIT, 0)) {
                for (int batch : new int[] {1, 8}) {
                    double[] ms =
                            alternate(
                                    rounds,
                                    () -> timed(model, batch, seconds, Precision.FP32),
                                    () -> timed(model, batch, seconds, Precision.BF16));
                    System.out.printf(
                            Locale.ROOT,
                            "| %d px | %d | %.2f | %.2f | %.2f |%n",
                            res,
                            batch,
                            batch * 1000 / ms[0],
                            batch * 1000 / ms[1],
                            ms[0] / ms[1]);
                }
            }
        }
    }

    private static double timed(StyleGAN2Model model, int batch, double seconds, Precision p) {
        try (Autocast mixed = Autocast.request(p)) {
            return GenerationBenchmark.timeBatch(model, batch, false, seconds);
        }
    }

    /** Runs the two timings alternately {@code rounds} times; the median of each. */
    private static double[] alternate(int rounds, Supplier<Double> a, Supplier<Double> b) {
        List<Double> ta = new ArrayList<>();
        List<Double> tb = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ta.add(a.get());
            tb.add(b.get());
        }
        return new double[] {middle(ta), middle(tb)};
    }

    /** Median milliseconds of 7 calls after 2 warm-up calls. */
    private static double median(Supplier<NDArray> op) {
        for (int i = 0; i < 2; i++) {
            op.get().close();
        }
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            op.get().close();
            t.add((System.nanoTime() - t0) / 1e6);
        }
        return middle(t);
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
