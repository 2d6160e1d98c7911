package sc.fiji.stylegan2.training.metrics;

import java.io.IOException;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.training.data.FashionMnist;
import sc.fiji.stylegan2.training.data.ImageStackData;

/**
 * Prints, as a Markdown table, how well a conditional model trained on Fashion-MNIST (classes 0..9
 * = the IDX labels) makes each class: per class k, the built-in FD ({@link FashionFeatures}) of
 * {@code n} generated images of class k (seeds 0..n-1, ψ 1, constant noise) against {@code n} test
 * images of class k (32 x 32 padded); the floor, the FD of {@code n} training images of class k
 * against the same test images; and the share of generated images the built-in classifier puts in
 * class k. Needs Debian's {@code dataset-fashion-mnist}. Arguments: model file, n (default 1000).
 */
public final class ClassQualityBenchmark {

    private ClassQualityBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        FashionMnist test = FashionMnist.debian(FashionMnist.Split.TEST);
        FashionMnist train = FashionMnist.debian(FashionMnist.Split.TRAIN);
        try (StyleGAN2Model model = StyleGAN2Model.load(modelFile);
                FashionFeatures features = FashionFeatures.load()) {
            if (model.classes().count() != FashionMnist.CLASSES.size()) {
                throw new IllegalArgumentException(
                        modelFile + " is not a 10-class model: " + model.classes().choices());
            }
            System.out.println(
                    "| class | FD generated vs test | FD train vs test (floor) | classified as"
                            + " the class |");
            System.out.println("|---|---|---|---|");
            double sum = 0;
            for (int k = 0; k < FashionMnist.CLASSES.size(); k++) {
                ImageStackData real = test.withClasses(k).toTrainingData(true);
                Evaluator eval = new Evaluator(features, real, n, k);
                float[] fakes = generate(model, k, eval.count());
                double fd = eval.evaluate(fakes, eval.count()).fd();
                float[] floor =
                        firstImages(train.withClasses(k).toTrainingData(true), eval.count());
                double floorFd = eval.evaluate(floor, eval.count()).fd();
                int[] predicted = features.classify(fakes, eval.count(), 1, 32);
                long hits = 0;
                for (int p : predicted) {
                    hits += p == k ? 1 : 0;
                }
                sum += fd;
                System.out.printf(
                        "| %d %s | %.2f | %.2f | %.1f %% |%n",
                        k, FashionMnist.CLASSES.get(k), fd, floorFd, 100.0 * hits / eval.count());
            }
            System.out.printf("%nmean FD over the classes: %.2f (n = %d per class)%n", sum / 10, n);
        }
    }

    /** n images of class k, clamped to [-1, 1] as the evaluator does. */
    private static float[] generate(StyleGAN2Model model, int k, int n) {
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = i;
        }
        float[] images =
                model.generate(
                                GenerateRequest.builder(seeds)
                                        .optClassIndex(k)
                                        .optNoiseMode(NoiseMode.CONST)
                                        .optOutputRange(OutputRange.RAW)
                                        .optBatchSize(64)
                                        .build(),
                                ProgressListener.NONE)
                        .data();
        for (int i = 0; i < images.length; i++) {
            images[i] = Math.max(-1f, Math.min(1f, images[i]));
        }
        return images;
    }

    private static float[] firstImages(ImageStackData data, int n) {
        int per = data.channels() * data.resolution() * data.resolution();
        float[] out = new float[n * per];
        for (int i = 0; i < n; i++) {
            data.copyImage(i, out, i * per);
        }
        return out;
    }
}
