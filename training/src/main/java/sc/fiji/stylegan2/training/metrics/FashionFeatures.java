package sc.fiji.stylegan2.training.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import sc.fiji.stylegan2.model.checkpoint.Sg2Checkpoint;
import sc.fiji.stylegan2.training.data.Resize;

/**
 * The built-in, offline feature extractor: the penultimate layer of {@link FashionClassifier} with
 * the weights shipped in this library ({@value #RESOURCE}, trained by {@link
 * TrainFashionClassifier}). It expects 32 x 32 grayscale images in [-1, 1]; other images are
 * adapted, and {@link #conversionNote} says how: channels are averaged to gray, other sizes are
 * resized to 32 px ({@link Resize}: area down, bilinear up).
 *
 * <p>Deviation: FID proper uses Inception-v3 pool3 features (2048-d, trained on ImageNet); these
 * 128-d features only make sense for images like Fashion-MNIST, and their distances are not
 * comparable with published FIDs. Use {@link TorchScriptFeatures} with an Inception network for
 * standard FID.
 */
public final class FashionFeatures implements FeatureExtractor {

    /** Name of the shipped weights resource, beside this class. */
    public static final String RESOURCE = "fashion-classifier.sg2";

    static final String NETWORK = "classifier";
    private static final int BATCH = 250;

    private final NDManager manager;
    private final FashionClassifier net;
    private final JsonObject meta;

    private FashionFeatures(NDManager manager, FashionClassifier net, JsonObject meta) {
        this.manager = manager;
        this.net = net;
        this.meta = meta;
    }

    /** Loads the shipped weights. */
    public static FashionFeatures load() {
        Path tmp = null;
        try (InputStream in = FashionFeatures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(
                        "the built-in feature network "
                                + RESOURCE
                                + " is missing from the class path");
            }
            tmp = Files.createTempFile("fashion-classifier", ".sg2");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return load(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    /** Loads classifier weights written by {@link TrainFashionClassifier}. */
    public static FashionFeatures load(Path file) throws IOException {
        Sg2Checkpoint.Contents c = Sg2Checkpoint.read(file);
        NDManager manager = NDManager.newBaseManager();
        try {
            FashionClassifier net = new FashionClassifier(manager, 0);
            net.loadStateDict(
                    c.networks().get(NETWORK), "built-in feature network " + file.getFileName());
            return new FashionFeatures(manager, net, c.meta());
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The test accuracy recorded when the weights were trained (NaN when absent). */
    public double recordedTestAccuracy() {
        return meta.has("test_accuracy") ? meta.get("test_accuracy").getAsDouble() : Double.NaN;
    }

    @Override
    public int dimension() {
        return FashionClassifier.FEATURES;
    }

    /**
     * How images of this shape are adapted to the network, or null when they fit as they are; e.g.
     * {@code "3 channels averaged to gray; 64 px resized to 32 px"}.
     */
    public static String conversionNote(int channels, int resolution) {
        String ch = channels == 1 ? null : channels + " channels averaged to gray";
        String px =
                resolution == FashionClassifier.RESOLUTION
                        ? null
                        : resolution + " px resized to " + FashionClassifier.RESOLUTION + " px";
        return ch == null ? px : px == null ? ch : ch + "; " + px;
    }

    @Override
    public float[] features(float[] images, int count, int channels, int resolution) {
        return run(images, count, channels, resolution, false);
    }

    /** Predicted class (0..9) of each image, from the classifier's last layer. */
    public int[] classify(float[] images, int count, int channels, int resolution) {
        float[] logits = run(images, count, channels, resolution, true);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int k = 1; k < FashionClassifier.CLASSES; k++) {
                best =
                        logits[i * FashionClassifier.CLASSES + k]
                                        > logits[i * FashionClassifier.CLASSES + best]
                                ? k
                                : best;
            }
            out[i] = best;
        }
        return out;
    }

    private float[] run(float[] images, int count, int channels, int resolution, boolean logits) {
        int in = channels * resolution * resolution, r = FashionClassifier.RESOLUTION;
        if (images.length < (long) count * in) {
            throw new IllegalArgumentException(
                    "expected " + (long) count * in + " values, got " + images.length);
        }
        int dim = logits ? FashionClassifier.CLASSES : dimension();
        float[] out = new float[count * dim];
        for (int start = 0; start < count; start += BATCH) {
            int b = Math.min(BATCH, count - start);
            float[] gray = new float[b * r * r];
            for (int i = 0; i < b; i++) {
                System.arraycopy(
                        adapt(images, (start + i) * in, channels, resolution),
                        0,
                        gray,
                        i * r * r,
                        r * r);
            }
            try (NDScope scope = new NDScope()) {
                NDArray f = net.features(manager.create(gray, new Shape(b, 1, r, r)));
                float[] values = (logits ? net.logits(f) : f).toFloatArray();
                System.arraycopy(values, 0, out, start * dim, values.length);
            }
        }
        return out;
    }

    /** One image as 32 x 32 gray: mean over channels, then resized. */
    private static float[] adapt(float[] images, int offset, int channels, int resolution) {
        int plane = resolution * resolution;
        float[] gray = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < plane; k++) {
                gray[k] += images[offset + c * plane + k] / channels;
            }
        }
        int r = FashionClassifier.RESOLUTION;
        return Resize.planes(gray, 1, resolution, resolution, r, r);
    }

    @Override
    public void close() {
        manager.close();
    }
}
