package sc.fiji.stylegan2.training.metrics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint;
import sc.fiji.stylegan2.model.optim.Adam;
import sc.fiji.stylegan2.training.data.FashionMnist;
import sc.fiji.stylegan2.training.data.ImageStackData;

/**
 * Trains the built-in feature network ({@link FashionClassifier}) on the Fashion-MNIST training
 * split (Debian's {@code dataset-fashion-mnist}, 60,000 images padded to 32 x 32) with softmax
 * cross-entropy and Adam (Kingma and Ba 2015), deterministically from a seed, and writes the
 * weights with their test accuracy. The shipped {@code fashion-classifier.sg2} was made by running,
 * from the repository root:
 *
 * <pre>
 * java -cp training/target/classes:model/target/classes:&lt;DJL jars&gt; \
 *     sc.fiji.stylegan2.training.metrics.TrainFashionClassifier \
 *     training/src/main/resources/sc/fiji/stylegan2/training/metrics/fashion-classifier.sg2
 * </pre>
 *
 * Optional further arguments: epochs (default 3), batch size (128), learning rate (0.001), seed
 * (1).
 */
public final class TrainFashionClassifier {

    private TrainFashionClassifier() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "fashion-classifier.sg2");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        double lr = args.length > 3 ? Double.parseDouble(args[3]) : 1e-3;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;

        FashionMnist trainSet = FashionMnist.debian(FashionMnist.Split.TRAIN);
        FashionMnist testSet = FashionMnist.debian(FashionMnist.Split.TEST);
        ImageStackData train = trainSet.toTrainingData(true), test = testSet.toTrainingData(true);
        int[] trainLabels = labels(trainSet), testLabels = labels(testSet);
        Engine.getInstance().setRandomSeed((int) seed);
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionClassifier net = new FashionClassifier(manager, seed);
            Map<String, NDArray> params = net.namedParameters();
            params.values().forEach(p -> p.setRequiresGradient(true));
            double accuracy = 0;
            try (Adam adam = new Adam(manager, params, lr, 0.9, 0.999, 1e-8)) {
                Random rng = new Random(seed);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    double loss = epoch(net, adam, manager, train, trainLabels, batch, rng);
                    accuracy = accuracy(net, manager, test, testLabels, test.size());
                    System.out.printf(
                            "epoch %d: train loss %.4f, test accuracy %.4f, %.0f s (%.0f s CPU)%n",
                            epoch, loss, accuracy, (System.nanoTime() - start) / 1e9, cpuSeconds());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonObject meta = new JsonObject();
            meta.addProperty("kind", "fashion-mnist-classifier");
            meta.addProperty(
                    "architecture",
                    "conv3x3 16,32,64 + maxpool, fc 1024-128-10, 32x32 input in [-1,1]");
            meta.addProperty("epochs", epochs);
            meta.addProperty("batch_size", batch);
            meta.addProperty("learning_rate", lr);
            meta.addProperty("seed", seed);
            meta.addProperty("test_accuracy", accuracy);
            meta.addProperty("train_seconds", Math.round(seconds));
            meta.addProperty("train_cpu_seconds", Math.round(cpuSeconds()));
            meta.addProperty("threads", Runtime.getRuntime().availableProcessors());
            Sg2Checkpoint.write(
                    out,
                    new Sg2Checkpoint.Contents(
                            meta, Map.of(FashionFeatures.NETWORK, net.exportStateDict())));
            System.out.printf(
                    "test accuracy %.4f on %d images after %d epochs, %.0f s (%.0f s CPU); wrote %s%n",
                    accuracy, test.size(), epochs, seconds, cpuSeconds(), out);
        }
    }

    /** One pass over the shuffled training set; returns the mean loss. */
    private static double epoch(
            FashionClassifier net,
            Adam adam,
            NDManager manager,
            ImageStackData train,
            int[] labels,
            int batch,
            Random rng) {
        int[] order = permutation(train.size(), rng);
        int px = FashionClassifier.RESOLUTION * FashionClassifier.RESOLUTION;
        double total = 0;
        int steps = 0;
        for (int start = 0; start + batch <= order.length; start += batch) {
            float[] x = new float[batch * px];
            float[] y = new float[batch];
            for (int i = 0; i < batch; i++) {
                train.copyImage(order[start + i], x, i * px);
                y[i] = labels[order[start + i]];
            }
            try (NDScope scope = new NDScope()) {
                NDArray images = manager.create(x, new Shape(batch, 1, 32, 32));
                NDArray oneHot =
                        manager.create(y)
                                .toType(ai.djl.ndarray.types.DataType.INT32, false)
                                .oneHot(FashionClassifier.CLASSES);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = net.logits(net.features(images));
                    // Cross-entropy: −Σ_k y_k log softmax(logits)_k, averaged over the batch.
                    NDArray loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
                    gc.backward(loss);
                    total += loss.getFloat();
                }
                adam.step();
            }
            steps++;
            if (steps % 100 == 0) {
                System.out.printf("  step %d, loss %.4f%n", steps, total / steps);
            }
        }
        return total / steps;
    }

    /** Fraction of the first {@code count} images of {@code data} classified correctly. */
    static double accuracy(
            FashionClassifier net,
            NDManager manager,
            ImageStackData data,
            int[] labels,
            int count) {
        int px = FashionClassifier.RESOLUTION * FashionClassifier.RESOLUTION, correct = 0;
        for (int start = 0; start < count; start += 500) {
            int b = Math.min(500, count - start);
            float[] x = new float[b * px];
            for (int i = 0; i < b; i++) {
                data.copyImage(start + i, x, i * px);
            }
            try (NDScope scope = new NDScope()) {
                NDArray images = manager.create(x, new Shape(b, 1, 32, 32));
                long[] pred = net.logits(net.features(images)).argMax(1).toLongArray();
                for (int i = 0; i < b; i++) {
                    correct += pred[i] == labels[start + i] ? 1 : 0;
                }
            }
        }
        return (double) correct / count;
    }

    /**
     * CPU time of this process (all threads), which on a shared machine says more than wall time.
     */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    static int[] labels(FashionMnist set) {
        int[] l = new int[set.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = set.label(i);
        }
        return l;
    }

    private static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
