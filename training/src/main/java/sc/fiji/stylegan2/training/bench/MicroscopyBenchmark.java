package sc.fiji.stylegan2.training.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentMode;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.DataPreparation;
import sc.fiji.stylegan2.training.data.IntensityOptions;
import sc.fiji.stylegan2.training.data.SamplingMode;
import sc.fiji.stylegan2.training.data.SamplingOptions;
import sc.fiji.stylegan2.training.data.SourceStack;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.loop.Snapshot;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;
import sc.fiji.stylegan2.training.metrics.Evaluator;
import sc.fiji.stylegan2.training.metrics.FashionFeatures;

/**
 * Microscopy benchmark (not a test): trains config {@code small} on 4 synthetic 1024² two-channel
 * 12-bit {@link Micrographs} with {@code sampling=tiles} and with {@code sampling=whole} (default
 * intensity: auto = percentiles per channel), each for the same training wall time, and prints the
 * built-in Fréchet distance and KID of G_ema against tiles of a held-out micrograph (the kind of
 * sample a microscopist wants), as a Markdown table; the last grid of each run is written as {@code
 * grid-<mode>.png} (channel 1 magenta, channel 2 green).
 *
 * <p>Usage: {@code MicroscopyBenchmark [minutes=10] [resolution=32] [scale=2] [side=1024]
 * [output_dir|-]}.
 */
public final class MicroscopyBenchmark {

    private MicroscopyBenchmark() {}

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int resolution = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        int side = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        Path out =
                args.length > 4 && !args[4].equals("-")
                        ? Path.of(args[4])
                        : Files.createTempDirectory("stylegan2-microscopy");
        int cells = (int) Math.round(300.0 * side * side / (1024 * 1024));
        SourceStack train = Micrographs.make(4, side, cells, 1);
        SourceStack heldOut = Micrographs.make(1, side, cells, 2);
        DataOptions tiles =
                new DataOptions(
                        IntensityOptions.DEFAULT,
                        new SamplingOptions(SamplingMode.TILES, scale, 0));
        TrainingData reals = DataPreparation.prepare(heldOut, null, resolution, tiles);
        System.out.printf(
                Locale.ROOT,
                "# Microscopy: config small, 4 synthetic %d² two-channel 12-bit micrographs"
                        + " (%d cells each), %d px, %.1f min of training per mode, FD vs %d held-out tiles (%s px at"
                        + " scale %s), output %s%n",
                side,
                cells,
                resolution,
                minutes,
                reals.size(),
                Math.round(resolution * scale),
                scale,
                out);
        System.out.println("| sampling | data set size | kimg | training min | FD | KID |");
        System.out.println("|---|---|---|---|---|---|");
        try (FashionFeatures features = FashionFeatures.load()) {
            Evaluator evaluator = new Evaluator(features, reals, reals.size(), 0);
            for (SamplingMode mode : new SamplingMode[] {SamplingMode.TILES, SamplingMode.WHOLE}) {
                DataOptions o =
                        new DataOptions(
                                IntensityOptions.DEFAULT,
                                mode == SamplingMode.TILES
                                        ? tiles.sampling()
                                        : SamplingOptions.WHOLE);
                TrainingData data = DataPreparation.prepare(train, null, resolution, o);
                System.err.println(data.description());
                run(data, mode, minutes, out.resolve(mode.key()), evaluator);
            }
        }
    }

    private static void run(
            TrainingData data, SamplingMode mode, double minutes, Path out, Evaluator evaluator)
            throws Exception {
        long start = System.nanoTime();
        Snapshot[] last = new Snapshot[1];
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public boolean isCanceled() {
                        return (System.nanoTime() - start) / 60e9 >= minutes;
                    }

                    @Override
                    public void snapshot(Snapshot s) {
                        last[0] = s;
                    }
                };
        AugmentOptions augment =
                new AugmentOptions(AugmentMode.choose("auto", data.size()), 0, 0.6, 500);
        TrainingOptions options =
                TrainingOptions.builder(TrainingConfig.SMALL, data.resolution(), data.channels())
                        .optTotalKimg(100_000)
                        .optSnapshotKimg(100_000)
                        .optAugment(augment)
                        .build();
        TrainingLoop.Result result = new TrainingLoop(data, out, listener).train(options);
        double trained = (System.nanoTime() - start) / 60e9;
        try (StyleGAN2Model model = StyleGAN2Model.load(result.lastCheckpoint())) {
            Evaluator.Result r = evaluator.evaluate(model, 16);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.2f | %.2f | %.3f |%n",
                    mode.key(),
                    data.size(),
                    result.state().kimg(),
                    trained,
                    r.fd(),
                    r.kid());
        }
        if (last[0] != null && last[0].grid() != null) {
            writeGrid(last[0].grid(), out.resolve("grid-" + mode.key() + ".png"));
        }
    }

    /** A montage of [-1, 1] images: channel 1 magenta, channel 2 green. */
    private static void writeGrid(GeneratedImages g, Path file) throws Exception {
        int n = g.count(),
                res = g.width(),
                cols = (int) Math.ceil(Math.sqrt(n)),
                rows = (n + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * res, rows * res, BufferedImage.TYPE_INT_RGB);
        int plane = res * res;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < plane; k++) {
                int a = level(g.data()[(i * g.channels()) * plane + k]);
                int b = g.channels() > 1 ? level(g.data()[(i * g.channels() + 1) * plane + k]) : a;
                img.setRGB(
                        (i % cols) * res + k % res,
                        (i / cols) * res + k / res,
                        (a << 16) | (b << 8) | a);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static int level(float x) {
        return (int) Math.max(0, Math.min(255, Math.round((x + 1) * 127.5)));
    }
}
