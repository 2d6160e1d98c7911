package sc.fiji.stylegan2.training.loop;

import java.util.SplittableRandom;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Which real images each minibatch gets: the data set in a fresh random order every epoch, the
 * order a function of the seed and the epoch only, and with mirroring each draw flipped left-right
 * or not by a hash of its position (for tiles also the crop, by another hash of it), so that the
 * images of any minibatch follow from the number of images shown so far (and a resumed run sees
 * what the uninterrupted run would have seen). Unlike the data library's {@code data.BatchSampler},
 * which draws from one running random stream, it needs no state in checkpoints.
 *
 * <p>Deviation: the official {@code InfiniteSampler} shuffles within a sliding window; a full
 * shuffle per epoch gives each image equally often as well.
 */
public final class BatchSampler {

    private final TrainingData data;
    private final long seed;
    private final boolean mirror;
    private long epoch = -1;
    private int[] order;

    /**
     * @param mirror flip each draw left-right with probability ½ (official {@code --mirror})
     */
    public BatchSampler(TrainingData data, long seed, boolean mirror) {
        this.data = data;
        this.seed = seed;
        this.mirror = mirror;
    }

    /** Image index at position {@code pos} of the endless shuffled stream. */
    public int index(long pos) {
        int n = data.size();
        long e = pos / n;
        if (e != epoch) {
            order = permutation(n, new SplittableRandom(StepRandom.mix(seed) ^ StepRandom.mix(~e)));
            epoch = e;
        }
        return order[(int) (pos % n)];
    }

    /** The images at positions {@code start ... start + count - 1}, CHW each, concatenated. */
    public float[] batch(long start, int count) {
        int per = data.channels() * data.resolution() * data.resolution();
        float[] out = new float[count * per];
        for (int i = 0; i < count; i++) {
            data.copySample(index(start + i), draw(start + i), out, i * per);
            if (mirror && flipped(start + i)) {
                flipX(out, i * per);
            }
        }
        return out;
    }

    /**
     * The classes of the images at positions {@code start ... start + count - 1} (the labels of
     * {@link #batch}'s images), or null for unconditional data.
     */
    public int[] classes(long start, int count) {
        if (data.classes() == null) {
            return null;
        }
        int[] c = new int[count];
        for (int i = 0; i < count; i++) {
            c[i] = data.classes().of(index(start + i));
        }
        return c;
    }

    /**
     * The key of the draw at {@code pos}: which crop data cut from larger images gives (see
     * TrainingData).
     */
    public long draw(long pos) {
        return StepRandom.mix(StepRandom.mix(seed ^ 0x7C3A_91E5_D2B4_6F08L) + pos);
    }

    /** Whether the draw at {@code pos} is mirrored. */
    public boolean flipped(long pos) {
        return (StepRandom.mix(StepRandom.mix(seed ^ 0x5DEECE66DL) + pos) & 1) == 1;
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

    /** Fisher–Yates. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
