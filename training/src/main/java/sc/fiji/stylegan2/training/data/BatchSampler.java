package sc.fiji.stylegan2.training.data;

import java.util.Random;

/**
 * Draws minibatches of real images for the training loop: each pass visits every image once in a fresh
 * random order (the official {@code InfiniteSampler} shuffles too), and with x-flips on each drawn image is
 * mirrored left-right with probability ½.
 *
 * <p>Deviation: the official {@code --mirror=1} doubles the dataset with mirrored copies; flipping each draw
 * with probability ½ gives the same distribution without doubling memory.
 */
public final class BatchSampler {

    private final TrainingData data;
    private final boolean xflip;
    private final Random rng;
    private final int[] order;
    private int next;
    private long drawn;

    /** A sampler over {@code data}, deterministic for a seed. */
    public BatchSampler(TrainingData data, boolean xflip, long seed) {
        this.data = data;
        this.xflip = xflip;
        this.rng = new Random(seed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle();
    }

    /** Floats per image: {@code channels * resolution²}. */
    public int imageSize() {
        return data.channels() * data.resolution() * data.resolution();
    }

    /** Images drawn so far. */
    public long imagesDrawn() {
        return drawn;
    }

    /** The next {@code batch} images, NCHW in [-1, 1]. */
    public float[] next(int batch) {
        float[] out = new float[batch * imageSize()];
        next(out, batch);
        return out;
    }

    /** Writes the next {@code batch} images into {@code dst} (NCHW, from offset 0). */
    public void next(float[] dst, int batch) {
        int n = imageSize();
        for (int b = 0; b < batch; b++) {
            if (next == order.length) {
                shuffle();
            }
            data.copyImage(order[next++], dst, b * n);
            if (xflip && rng.nextBoolean()) {
                flipX(dst, b * n);
            }
            drawn++;
        }
    }

    private void flipX(float[] img, int offset) {
        int r = data.resolution();
        for (int row = 0; row < data.channels() * r; row++) {
            int base = offset + row * r;
            for (int x = 0; x < r / 2; x++) {
                float t = img[base + x];
                img[base + x] = img[base + r - 1 - x];
                img[base + r - 1 - x] = t;
            }
        }
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        next = 0;
    }
}
