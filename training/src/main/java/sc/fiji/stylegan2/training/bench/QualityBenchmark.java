package sc.fiji.stylegan2.training.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sc.fiji.stylegan2.model.Precision;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.training.TrainingConfig;
import sc.fiji.stylegan2.training.TrainingOptions;
import sc.fiji.stylegan2.training.data.AugmentOptions;
import sc.fiji.stylegan2.training.data.FashionMnist;
import sc.fiji.stylegan2.training.data.TrainingData;
import sc.fiji.stylegan2.training.loop.Snapshot;
import sc.fiji.stylegan2.training.loop.TrainingListener;
import sc.fiji.stylegan2.training.loop.TrainingLoop;
import sc.fiji.stylegan2.training.metrics.Evaluator;
import sc.fiji.stylegan2.training.metrics.FashionFeatures;

/**
 * Quality benchmark (not a test): trains config {@code small} on the Fashion-MNIST training split
 * (Debian {@code dataset-fashion-mnist}, padded to 32×32, grayscale) for a fixed training wall
 * time, and prints the built-in Fréchet distance (and KID) of G_ema against the test split at every
 * snapshot, as a Markdown table. Evaluation time is not counted as training time.
 *
 * <p>Usage: {@code QualityBenchmark [minutes=10] [snapshot_kimg=4] [fd_images=2000] [output_dir|-]
 * [augment=none|ada] [precision=fp32|bf16|auto]} ({@code -}: a temporary folder).
 */
public final class QualityBenchmark {

    private QualityBenchmark() {}

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double snapshotKimg = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        int fdImages = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path out =
                args.length > 3 && !args[3].equals("-")
                        ? Path.of(args[3])
                        : Files.createTempDirectory("stylegan2-quality");
        AugmentOptions augment =
                args.length > 4 && args[4].equals("ada")
                        ? AugmentOptions.ada()
                        : AugmentOptions.none();
        Precision precision = Precision.parse(args.length > 5 ? args[5] : "fp32");
        TrainingData train = FashionMnist.debian(FashionMnist.Split.TRAIN).toTrainingData(true);
        TrainingData test =
                FashionMnist.debian(FashionMnist.Split.TEST).first(fdImages).toTrainingData(true);
        try (FashionFeatures features = FashionFeatures.load()) {
            Evaluator evaluator = new Evaluator(features, test, fdImages, 0);
            System.out.printf(
                    "# Quality: config small, Fashion-MNIST 32x32 (%d training images), augment %s,"
                            + " precision %s, FD vs %d test images, %.1f min of training, output"
                            + " %s%n",
                    train.size(),
                    augment.mode(),
                    precision.resolve().key(),
                    fdImages,
                    minutes,
                    out);
            System.out.println("| kimg | training min | sec/kimg | FD | KID |");
            System.out.println("|---|---|---|---|---|");
            TrainingClock clock = TrainingClock.wall();
            TrainingListener listener =
                    new TrainingListener() {
                        @Override
                        public void progress(long done, long total, String message) {}

                        @Override
                        public boolean isCanceled() {
                            return clock.trainingMinutes() >= minutes;
                        }

                        @Override
                        public void snapshot(Snapshot s) {
                            clock.pause();
                            try (StyleGAN2Model model = StyleGAN2Model.load(s.checkpoint())) {
                                Evaluator.Result r = evaluator.evaluate(model, 16);
                                double min = clock.trainingMinutes();
                                System.out.printf(
                                        Locale.ROOT,
                                        "| %.1f | %.2f | %s | %.2f | %.3f |%n",
                                        s.kimg(),
                                        min,
                                        s.kimg() > 0
                                                ? String.format(
                                                        Locale.ROOT, "%.1f", min * 60 / s.kimg())
                                                : "-",
                                        r.fd(),
                                        r.kid());
                            } catch (Exception e) {
                                System.out.println(
                                        "| " + s.kimg() + " | evaluation failed: " + e + " |");
                            }
                            clock.resume();
                        }
                    };
            // Augmentation: by default none, what the command's augment=auto picks for 60,000
            // images; "ada" to compare (p reached 0.036 in 10 minutes and slowed the early FD).
            TrainingOptions options =
                    TrainingOptions.builder(TrainingConfig.SMALL, 32, 1)
                            .optTotalKimg(100_000)
                            .optSnapshotKimg(snapshotKimg)
                            .optTickKimg(Math.min(1, snapshotKimg))
                            .optAugment(augment)
                            .optPrecision(precision)
                            .build();
            new TrainingLoop(train, out, listener).train(options);
        }
    }
}
