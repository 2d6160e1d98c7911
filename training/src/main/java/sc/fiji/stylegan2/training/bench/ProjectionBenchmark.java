package sc.fiji.stylegan2.training.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GeneratedImages;
import sc.fiji.stylegan2.model.generate.ImageGenerator;
import sc.fiji.stylegan2.model.image.ImagePreprocessing;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.network.SynthesisOptions;
import sc.fiji.stylegan2.model.project.DistanceKind;
import sc.fiji.stylegan2.model.project.ProjectionOptions;
import sc.fiji.stylegan2.model.project.ProjectionResult;
import sc.fiji.stylegan2.model.project.ProjectionSpace;
import sc.fiji.stylegan2.model.project.Projector;
import sc.fiji.stylegan2.training.data.FashionMnist;

/**
 * Projection quality and speed (StyleGAN2 Sec. 5): for {@code count} images the model generates
 * (seeds 0…, noise const) and {@code count} "real" images, PSNR and SSIM ({@link ImageQuality}) of
 * the reconstruction after each number of steps (a separate run of that length, with its own
 * schedules) in each space, and the seconds per step of the batch (both sets projected together).
 * Prints a Markdown table.
 *
 * <p>Real images: the first Fashion-MNIST test images (28x28 padded to 32, resized to the model)
 * when the model is grayscale and the file is given; otherwise the stand-in is images of the model
 * with fresh random noise and truncation 0.7 (seeds 1000…), which are not exactly in its
 * const-noise image set.
 *
 * <p>Usage: {@code ProjectionBenchmark MODEL [count] [steps,...] [spaces]
 * [fashion-mnist-folder|none] [distance]}, e.g. {@code model.pkl 8 250,500,1000 W,W+
 * /usr/share/datasets/fashion-mnist}.
 */
public final class ProjectionBenchmark {

    private ProjectionBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int[] steps =
                Arrays.stream((args.length > 2 ? args[2] : "250,500,1000").split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray();
        String[] spaces = (args.length > 3 ? args[3] : "W,W+").split(",");
        Path fashion = args.length > 4 && !args[4].equals("none") ? Path.of(args[4]) : null;
        DistanceKind distance = DistanceKind.parse(args.length > 5 ? args[5] : "discriminator+mse");
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile)) {
            PlanarImages generated = generated(model, count);
            PlanarImages real = real(model, count, fashion);
            PlanarImages both = generated.concat(real);
            System.out.printf(
                    "# Projection benchmark: %s (%d px, %d channel(s)), distance %s%n",
                    modelFile.getFileName(),
                    model.config().resolution(),
                    model.config().imgChannels(),
                    distance.key());
            System.out.printf(
                    "%s %s, %d cores, OMP_NUM_THREADS=%s; generated: seeds 0-%d noise const; real: %s%n%n",
                    Engine.getInstance().getEngineName(),
                    Engine.getInstance().getVersion(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getenv("OMP_NUM_THREADS"),
                    count - 1,
                    real.labels().get(0).startsWith("fashion")
                            ? "Fashion-MNIST test 0-" + (count - 1)
                            : "stand-in: seeds 1000+ noise random psi 0.7");
            System.out.println(
                    "| targets | space | steps | PSNR dB median [min, max] | SSIM median [min, max] |"
                            + " s/step (batch "
                            + both.count()
                            + ") |");
            System.out.println("|---|---|---|---|---|---|");
            for (String space : spaces) {
                for (int n : steps) {
                    ProjectionOptions options =
                            ProjectionOptions.builder()
                                    .optSpace(ProjectionSpace.parse(space))
                                    .optNumSteps(n)
                                    .optDistance(distance)
                                    .build();
                    long t0 = System.nanoTime();
                    ProjectionResult r =
                            new Projector(model, options).project(both, ProgressListener.NONE);
                    System.err.printf(
                            "%s %d steps: %.1f s%n", space, n, (System.nanoTime() - t0) / 1e9);
                    row("generated", space, n, both, r, 0, count);
                    row("real", space, n, both, r, count, 2 * count);
                }
            }
        }
    }

    private static PlanarImages generated(StyleGAN2Model model, int count) {
        return synthesize(model, LongStream.range(0, count).toArray(), 1, NoiseMode.CONST, "seed=");
    }

    private static PlanarImages real(StyleGAN2Model model, int count, Path fashion)
            throws IOException {
        if (fashion != null && model.config().imgChannels() == 1 && Files.isDirectory(fashion)) {
            return ImagePreprocessing.toModelInput(
                    fashionTest(fashion, count),
                    model.config().resolution(),
                    1,
                    model.intensity(),
                    "fashion-mnist");
        }
        return synthesize(
                model,
                LongStream.range(1000, 1000 + count).toArray(),
                0.7,
                NoiseMode.RANDOM,
                "stand-in seed=");
    }

    private static PlanarImages synthesize(
            StyleGAN2Model model, long[] seeds, double psi, NoiseMode noise, String prefix) {
        ImageGenerator g = model.imageGenerator();
        List<String> labels =
                Arrays.stream(seeds).mapToObj(s -> prefix + s).collect(Collectors.toList());
        GeneratedImages images =
                g.synthesize(
                        g.mapSeeds(seeds, psi, null),
                        labels,
                        SynthesisOptions.of(noise),
                        OutputRange.RAW,
                        8,
                        ProgressListener.NONE);
        return new PlanarImages(
                images.data(),
                images.count(),
                images.channels(),
                images.height(),
                images.width(),
                labels);
    }

    private static void row(
            String set,
            String space,
            int steps,
            PlanarImages targets,
            ProjectionResult r,
            int from,
            int to) {
        int size = targets.imageSize();
        double[] psnr = new double[to - from];
        double[] ssim = new double[to - from];
        for (int i = from; i < to; i++) {
            psnr[i - from] =
                    ImageQuality.psnr(targets.data(), r.reconstruction().data(), i * size, size);
            ssim[i - from] =
                    ImageQuality.ssim(
                            targets.data(),
                            r.reconstruction().data(),
                            i * size,
                            targets.channels(),
                            targets.height(),
                            targets.width());
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %s | %s | %.3f |%n",
                set,
                space,
                steps,
                summary(psnr, "%.1f"),
                summary(ssim, "%.3f"),
                r.secondsPerStep());
    }

    /** Median [min, max]. */
    private static String summary(double[] v, String format) {
        double[] s = v.clone();
        Arrays.sort(s);
        double median =
                s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(
                Locale.ROOT,
                format + " [" + format + ", " + format + "]",
                median,
                s[0],
                s[s.length - 1]);
    }

    /**
     * The first test images of Fashion-MNIST in a folder of IDX files, zero-padded 28 → 32, as
     * 0..255 floats.
     */
    private static PlanarImages fashionTest(Path dir, int count) throws IOException {
        FashionMnist test = FashionMnist.read(dir, FashionMnist.Split.TEST).first(count);
        int pad = 2, h = test.rows() + 2 * pad, w = test.cols() + 2 * pad;
        float[] data = new float[test.size() * h * w];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            float[] p = test.pixels(i);
            for (int y = 0; y < test.rows(); y++) {
                System.arraycopy(
                        p, y * test.cols(), data, (i * h + y + pad) * w + pad, test.cols());
            }
            labels.add("fashion-mnist test " + i);
        }
        return new PlanarImages(data, test.size(), 1, h, w, labels);
    }
}
