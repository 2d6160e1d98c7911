package sc.fiji.stylegan2.training.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.explore.LatentInterpolation;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.network.Architecture;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.training.GrowingSchedule;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.IntensityOptions;
import sc.fiji.stylegan2.training.data.SamplingMode;
import sc.fiji.stylegan2.training.data.SamplingOptions;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;

/**
 * Phase benchmark (not a test): the StyleGAN2 paper's Sec. 4 / Fig. 6 location preference of
 * progressive growing, measured. Renders the same interpolation (seed 0 to seed 1, lerp in W, ψ 1,
 * constant noise, {@value #FRAMES} frames) with a growing and a non-growing model and prints per
 * frame step how far the fine details (high-pass) and the coarse content (low-pass) moved ({@link
 * DetailMotion}, phase correlation, pixels), then per model the mean and largest detail step and
 * the mean detail / coarse ratio: details that stick and jump show as a low mean with a large
 * maximum. Written to {@code phase.md} too.
 *
 * <p>Usage: {@code PhaseBenchmark [minutes=20] [output_dir|-] [resolution=32] [lod_kimg=0.3]
 * [models=growing,fixed]} trains the original StyleGAN ({@code stylegan1}) growing from 8x8 with
 * phases of {@code lod_kimg}, and fixed, on tiles of synthetic {@link Micrographs} for {@code
 * minutes} of CPU time each ({@link TrainingClock#cpu()}; with {@code OMP_NUM_THREADS=1} one
 * process per model trains both at once on two cores), and measures what it trained; {@code
 * PhaseBenchmark GROWING.sg2 FIXED.sg2 [output_dir|-]} measures two given models.
 */
public final class PhaseBenchmark {

    /** Frames of the interpolation. */
    static final int FRAMES = 16;

    /** Images whose detail energy maps are correlated for the location preference. */
    static final int SEEDS = 64;

    private PhaseBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean given = args.length >= 2 && (args[0].endsWith(".pt") || args[0].endsWith(".sg2"));
        int outArg = given ? 2 : 1;
        Path out =
                args.length > outArg && !args[outArg].equals("-")
                        ? Path.of(args[outArg])
                        : Files.createTempDirectory("stylegan2-phase");
        Files.createDirectories(out);
        List<Path> models = new ArrayList<>();
        if (given) {
            models.add(Path.of(args[0]));
            models.add(Path.of(args[1]));
        } else {
            double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 20;
            int resolution = args.length > 2 ? Integer.parseInt(args[2]) : 32;
            double lodKimg = args.length > 3 ? Double.parseDouble(args[3]) : 0.3;
            TrainingData data = micrographTiles(resolution);
            for (String which : (args.length > 4 ? args[4] : "growing,fixed").split(",")) {
                if (!which.equals("growing") && !which.equals("fixed")) {
                    throw new IllegalArgumentException(
                            "models: 'growing', 'fixed' or both, got '" + which + "'");
                }
                GrowingSchedule growing =
                        which.equals("growing")
                                ? GrowingSchedule.official().withPhaseKimg(lodKimg)
                                : null;
                models.add(train(data, growing, minutes, out));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(
                String.format(
                        Locale.ROOT,
                        "# Phase: seed 0 -> 1, lerp in W, %d frames, psi 1, noise const;"
                                + " detail = high-pass shift, coarse = low-pass shift (px per"
                                + " frame step); output %s%n",
                        FRAMES,
                        out));
        md.append("| model | step | detail dx | detail dy | detail shift | coarse shift |\n");
        md.append("|---|---|---|---|---|---|\n");
        StringBuilder summary = new StringBuilder();
        summary.append(
                "\n| model | mean detail shift | max detail shift | mean detail / mean coarse shift |\n");
        summary.append("|---|---|---|---|\n");
        StringBuilder preference = new StringBuilder();
        preference.append(
                String.format(
                        Locale.ROOT,
                        "%n| images (%d each) | location preference: mean pair correlation of"
                                + " detail energy |%n|---|---|%n",
                        SEEDS));
        List<PhaseFigure.Row> rows = new ArrayList<>();
        int resolution = 0;
        for (Path m : models) {
            String name = m.getParent().getFileName() + "/" + m.getFileName();
            try (StyleGAN2Model model = StyleGAN2Model.load(m)) {
                resolution = model.config().resolution();
                GeneratedImages frames = interpolation(model);
                measure(name, frames, md, summary);
                float[][] energy = detailEnergy(seedImages(model));
                preference.append(row(name, energy));
                rows.add(new PhaseFigure.Row(frames, LocationPreference.mean(energy)));
            }
        }
        TrainingData data = micrographTiles(resolution);
        float[][] tiles = tiles(data, SEEDS);
        float[][] energy = new float[SEEDS][];
        for (int i = 0; i < SEEDS; i++) {
            energy[i] = LocationPreference.detailEnergy(tiles[i], resolution);
        }
        preference.append(row("micrograph tiles (training data)", energy));
        rows.add(PhaseFigure.Row.ofImages(tiles, resolution, LocationPreference.mean(energy)));
        md.append(summary).append(preference);
        System.out.print(md);
        Files.writeString(out.resolve("phase.md"), md);
        PhaseFigure.write(rows, out.resolve("phase.png"));
        System.out.println("figure: " + out.resolve("phase.png"));
    }

    /** Tiles (scale 1) of the 4 synthetic two-channel micrographs the models train on. */
    private static TrainingData micrographTiles(int resolution) {
        return DataPreparation.prepare(
                Micrographs.make(4, 512, 75, 1),
                null,
                resolution,
                new DataOptions(
                        IntensityOptions.DEFAULT, new SamplingOptions(SamplingMode.TILES, 1, 0)));
    }

    /** {@code count} training samples, channel-mean, as training draws them. */
    private static float[][] tiles(TrainingData data, int count) {
        int n = data.resolution(), c = data.channels();
        float[][] out = new float[count][];
        float[] sample = new float[c * n * n];
        for (int i = 0; i < count; i++) {
            data.copySample(i % data.size(), i, sample, 0);
            out[i] = DetailMotion.channelMean(sample, 0, c, n);
        }
        return out;
    }

    private static String row(String name, float[][] energy) {
        return String.format(
                Locale.ROOT,
                "| %s | %.3f |%n",
                name,
                LocationPreference.meanPairCorrelation(energy));
    }

    /**
     * Trains the original StyleGAN, growing or not, for {@code minutes} of CPU time; its last
     * checkpoint.
     */
    private static Path train(TrainingData data, GrowingSchedule growing, double minutes, Path out)
            throws Exception {
        TrainingClock clock = TrainingClock.cpu();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public boolean isCanceled() {
                        return clock.trainingMinutes() >= minutes;
                    }
                };
        TrainingOptions options =
                TrainingOptions.builder(TrainingConfig.SMALL, data.resolution(), data.channels())
                        .optTotalKimg(100_000)
                        .optSnapshotKimg(100_000)
                        .optAugment(AugmentOptions.none())
                        .optArchitecture(Architecture.STYLEGAN1)
                        .optGrowing(growing)
                        .optPlWeight(0)
                        .build();
        TrainingLoop.Result r =
                new TrainingLoop(data, out.resolve(growing == null ? "fixed" : "growing"), listener)
                        .train(options);
        double kimg = r.state().kimg();
        System.err.printf(
                Locale.ROOT,
                "%s: %.2f kimg, lod %.2f, %s%n",
                growing == null ? "fixed" : "growing",
                kimg,
                options.lodAt(Math.round(kimg * 1000)),
                r.lastCheckpoint());
        return r.lastCheckpoint();
    }

    /** Seed 0 to seed 1, lerp in W, {@value #FRAMES} frames, ψ 1, constant noise. */
    private static GeneratedImages interpolation(StyleGAN2Model model) throws Exception {
        float[] ends = model.imageGenerator().mapSeeds(new long[] {0, 1}, 1.0, null);
        int per = ends.length / 2;
        float[] a = Arrays.copyOfRange(ends, 0, per);
        float[] b = Arrays.copyOfRange(ends, per, 2 * per);
        float[] ws = new float[FRAMES * per];
        List<String> labels = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            double t = (double) f / (FRAMES - 1);
            System.arraycopy(LatentInterpolation.lerp(a, b, t), 0, ws, f * per, per);
            labels.add("t=" + t);
        }
        return synthesize(model, ws, labels);
    }

    /** Seeds 100 .. 100 + {@value #SEEDS} - 1, ψ 1, constant noise. */
    private static GeneratedImages seedImages(StyleGAN2Model model) throws Exception {
        long[] seeds = new long[SEEDS];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            seeds[i] = 100 + i;
            labels.add("seed " + seeds[i]);
        }
        return synthesize(model, model.imageGenerator().mapSeeds(seeds, 1.0, null), labels);
    }

    private static GeneratedImages synthesize(StyleGAN2Model model, float[] ws, List<String> labels)
            throws Exception {
        return model.imageGenerator()
                .synthesize(
                        ws,
                        labels,
                        SynthesisOptions.of(NoiseMode.CONST),
                        OutputRange.RAW,
                        4,
                        ProgressListener.NONE);
    }

    private static float[][] detailEnergy(GeneratedImages g) {
        int n = g.width();
        float[][] out = new float[g.count()][];
        for (int i = 0; i < out.length; i++) {
            out[i] =
                    LocationPreference.detailEnergy(
                            DetailMotion.channelMean(g.data(), i, g.channels(), n), n);
        }
        return out;
    }

    private static void measure(
            String name, GeneratedImages g, StringBuilder md, StringBuilder summary) {
        int n = g.width();
        double sumDetail = 0, maxDetail = 0, sumCoarse = 0;
        float[] prev = DetailMotion.channelMean(g.data(), 0, g.channels(), n);
        for (int f = 1; f < FRAMES; f++) {
            float[] cur = DetailMotion.channelMean(g.data(), f, g.channels(), n);
            double[] d =
                    DetailMotion.shift(
                            DetailMotion.highPass(prev, n), DetailMotion.highPass(cur, n), n);
            double[] c =
                    DetailMotion.shift(
                            DetailMotion.lowPass(prev, n), DetailMotion.lowPass(cur, n), n);
            double detail = Math.hypot(d[0], d[1]), coarse = Math.hypot(c[0], c[1]);
            sumDetail += detail;
            sumCoarse += coarse;
            maxDetail = Math.max(maxDetail, detail);
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n",
                            name,
                            f,
                            d[0],
                            d[1],
                            detail,
                            coarse));
            prev = cur;
        }
        int steps = FRAMES - 1;
        summary.append(
                String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f | %.2f |%n",
                        name,
                        sumDetail / steps,
                        maxDetail,
                        sumCoarse > 0 ? sumDetail / sumCoarse : Double.NaN));
    }
}
