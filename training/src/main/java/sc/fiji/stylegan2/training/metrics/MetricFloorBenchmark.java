package sc.fiji.stylegan2.training.metrics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Random;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;
import sc.fiji.stylegan2.training.data.FashionMnist;
import sc.fiji.stylegan2.training.data.ImageStackData;

/**
 * Prints, as a Markdown table, the built-in FD and KID against the Fashion-MNIST test split (32 x
 * 32 padded, {@code n} random test images) of: a random subset of the training split (the floor a
 * perfect generator would reach with this many samples), a subset of the embedded dataset, and an
 * untrained generator of config {@code small} (z = w = 128, mapping 2, channel base 2048, max 64,
 * 32 px, 1 channel; the ceiling training must come down from). Needs Debian's {@code
 * dataset-fashion-mnist}. Arguments: n (default 2000), seed (0).
 */
public final class MetricFloorBenchmark {

    private MetricFloorBenchmark() {}

    /** Config {@code small} of issue 5 at 32 px, gray. */
    public static GeneratorConfig smallConfig() {
        return GeneratorConfig.builder()
                .setZDim(128)
                .setWDim(128)
                .setMappingLayers(2)
                .setResolution(32)
                .setImgChannels(1)
                .setChannelBase(2048)
                .setChannelMax(64)
                .build();
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        ImageStackData test = FashionMnist.debian(FashionMnist.Split.TEST).toTrainingData(true);
        ImageStackData train = FashionMnist.debian(FashionMnist.Split.TRAIN).toTrainingData(true);
        ImageStackData embedded = FashionMnist.embedded().toTrainingData(true);
        try (FashionFeatures features = FashionFeatures.load();
                NDManager manager = NDManager.newBaseManager()) {
            Evaluator eval = new Evaluator(features, test, n, seed);
            System.out.printf(
                    "Built-in features: Fashion-MNIST classifier (recorded test accuracy %.4f), %d-d%n%n",
                    features.recordedTestAccuracy(), features.dimension());
            System.out.println(
                    "| compared with "
                            + eval.count()
                            + " test images | images | FD | KID | seconds |");
            System.out.println("|---|---|---|---|---|");
            row("training split, random subset (floor)", eval, randomImages(train, n, seed + 1));
            row(
                    "embedded subset (" + embedded.size() + " images), random subset",
                    eval,
                    randomImages(embedded, n, seed + 2));
            Engine.getInstance().setRandomSeed((int) seed);
            Generator g = new Generator(manager, smallConfig());
            Evaluator.Result r = eval.evaluate(g, manager, 32);
            print("untrained generator, config small (seed " + seed + ")", r);
        }
    }

    private static void row(String what, Evaluator eval, ImageStackData images) {
        float[] pixels =
                new float
                        [images.size()
                                * images.channels()
                                * images.resolution()
                                * images.resolution()];
        int per = images.channels() * images.resolution() * images.resolution();
        for (int i = 0; i < images.size(); i++) {
            images.copyImage(i, pixels, i * per);
        }
        print(what, eval.evaluate(pixels, images.size()));
    }

    private static void print(String what, Evaluator.Result r) {
        System.out.printf(
                "| %s | %d | %.3f | %.5f | %.1f |%n",
                what, r.fakeCount(), r.fd(), r.kid(), r.seconds());
    }

    private static ImageStackData randomImages(ImageStackData data, int n, long seed) {
        Random rng = new Random(seed);
        int k = Math.min(n, data.size());
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) { // partial Fisher–Yates
            int j = i + rng.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return data.subset(java.util.Arrays.copyOf(all, k));
    }
}
