package sc.fiji.stylegan2.training.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
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
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;
import sc.fiji.stylegan2.training.metrics.Evaluator;
import sc.fiji.stylegan2.training.metrics.FashionFeatures;

/**
 * Microscopy benchmark (not a test): trains config {@code small} on 4 synthetic 1024² two-channel
 * 12-bit {@link Micrographs} with {@code sampling=tiles} and with {@code sampling=whole} (default
 * intensity: auto = percentiles per channel), each for the same training wall time, and prints the
 * built-in Fréchet distance and KID of G_ema against tiles of a held-out micrograph (the kind of
 * sample a microscopist wants), as a Markdown table, printed and written to {@code microscopy.md}
 * in the output folder; beside it {@code grid-<mode>.png}, 16 images of each run's final G_ema
 * (seeds 0-15, constant noise), and {@code grid-real.png}, 16 held-out tiles (channel 1 magenta,
 * channel 2 green). Each run's checkpoints go to {@code <output>/<mode>/}.
 *
 * <p>Usage: {@code MicroscopyBenchmark [minutes=10] [resolution=32] [scale=2] [side=1024]
 * [output_dir|-]}; {@code minutes} is the training wall time of each mode.
 */
public final class MicroscopyBenchmark {

    /** Images per sample grid. */
    private static final int GRID = 16;

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
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
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
                        out));
        table.append("| sampling | data set size | kimg | training min | FD | KID |\n");
        table.append("|---|---|---|---|---|---|\n");
        System.out.print(table);
        writeGrid(reals, out.resolve("grid-real.png"));
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
                String row = run(data, mode, minutes, out, evaluator);
                System.out.print(row);
                table.append(row);
                // Written after every mode, so a run stopped early keeps the finished rows.
                Files.writeString(out.resolve("microscopy.md"), table);
            }
        }
    }

    /** Trains one mode for {@code minutes}, writes its sample grid; returns its table row. */
    private static String run(
            TrainingData data, SamplingMode mode, double minutes, Path out, Evaluator evaluator)
            throws Exception {
        long start = System.nanoTime();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void progress(long done, long total, String message) {}

                    @Override
                    public boolean isCanceled() {
                        return (System.nanoTime() - start) / 60e9 >= minutes;
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
        TrainingLoop.Result result =
                new TrainingLoop(data, out.resolve(mode.key()), listener).train(options);
        double trained = (System.nanoTime() - start) / 60e9;
        try (StyleGAN2Model model = StyleGAN2Model.load(result.lastCheckpoint())) {
            Evaluator.Result r = evaluator.evaluate(model, 16);
            GeneratedImages g =
                    model.generate(
                            GenerateRequest.builder(LongStream.range(0, GRID).toArray())
                                    .optNoiseMode(NoiseMode.CONST)
                                    .optOutputRange(OutputRange.RAW)
                                    .build(),
                            ProgressListener.NONE);
            writeGrid(
                    g.data(),
                    g.count(),
                    g.channels(),
                    g.width(),
                    out.resolve("grid-" + mode.key() + ".png"));
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.2f | %.2f | %.3f |%n",
                    mode.key(),
                    data.size(),
                    result.state().kimg(),
                    trained,
                    r.fd(),
                    r.kid());
        }
    }

    /** The first {@value #GRID} images of {@code data} (held-out tiles) as a grid. */
    private static void writeGrid(TrainingData data, Path file) throws Exception {
        int n = Math.min(GRID, data.size());
        int each = data.channels() * data.resolution() * data.resolution();
        float[] all = new float[n * each];
        for (int i = 0; i < n; i++) {
            data.copyImage(i, all, i * each);
        }
        writeGrid(all, n, data.channels(), data.resolution(), file);
    }

    /** A montage of [-1, 1] images: channel 1 magenta, channel 2 green. */
    private static void writeGrid(float[] data, int n, int channels, int res, Path file)
            throws Exception {
        int cols = (int) Math.ceil(Math.sqrt(n)), rows = (n + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * res, rows * res, BufferedImage.TYPE_INT_RGB);
        int plane = res * res;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < plane; k++) {
                int a = level(data[(i * channels) * plane + k]);
                int b = channels > 1 ? level(data[(i * channels + 1) * plane + k]) : a;
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
