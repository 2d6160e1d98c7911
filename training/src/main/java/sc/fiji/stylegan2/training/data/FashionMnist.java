package sc.fiji.stylegan2.training.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017; MIT licence): 28 x 28 8-bit grayscale images of ten
 * clothing classes, as gzipped IDX files. Read from Debian's {@code dataset-fashion-mnist} ({@value
 * #DEBIAN_DIR}) or from the small subset embedded in this library ({@link #embedded()}).
 *
 * <p>Images map to [-1, 1] by the official 8-bit convention {@code x = y / 127.5 - 1}; the padding
 * of 28 to 32 px (2 px of background on each side, so the resolution is a power of two) is what the
 * StyleGAN2 issue trains on.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";

    /** Class names by label. */
    public static final List<String> CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    /**
     * The embedded subset (see {@code resources/.../data/README.md} for provenance and licence).
     */
    static final String EMBEDDED_IMAGES = "fashion-mnist-subset-images-idx3-ubyte.gz";

    static final String EMBEDDED_LABELS = "fashion-mnist-subset-labels-idx1-ubyte.gz";

    /** The two official splits. */
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }
    }

    private final IdxFile images;
    private final IdxFile labels;

    private FashionMnist(IdxFile images, IdxFile labels, String what) throws IOException {
        if (images.dims().length != 3
                || labels.dims().length != 1
                || images.count() != labels.count()) {
            throw new IOException(
                    what
                            + ": expected images [n, rows, cols] and labels [n], got "
                            + Arrays.toString(images.dims())
                            + " and "
                            + Arrays.toString(labels.dims()));
        }
        this.images = images;
        this.labels = labels;
    }

    /** Reads a split from a folder holding {@code train-images-idx3-ubyte.gz} etc. */
    public static FashionMnist read(Path dir, Split split) throws IOException {
        return new FashionMnist(
                IdxFile.read(dir.resolve(split.prefix + "-images-idx3-ubyte.gz")),
                IdxFile.read(dir.resolve(split.prefix + "-labels-idx1-ubyte.gz")),
                dir + " " + split);
    }

    /** Reads a split from Debian's package folder; the error says how to install it. */
    public static FashionMnist debian(Split split) throws IOException {
        Path dir = Path.of(DEBIAN_DIR);
        if (!dir.toFile().isDirectory()) {
            throw new IOException(
                    "Fashion-MNIST is not installed at "
                            + DEBIAN_DIR
                            + " (Debian/Ubuntu: apt-get install dataset-fashion-mnist)");
        }
        return read(dir, split);
    }

    /** True when Debian's files are present. */
    public static boolean debianInstalled() {
        return Path.of(DEBIAN_DIR, "t10k-images-idx3-ubyte.gz").toFile().isFile();
    }

    /**
     * The subset of the training split shipped inside this library (works offline, no
     * installation).
     */
    public static FashionMnist embedded() throws IOException {
        try (InputStream im = resource(EMBEDDED_IMAGES);
                InputStream lb = resource(EMBEDDED_LABELS)) {
            return new FashionMnist(
                    IdxFile.read(im, EMBEDDED_IMAGES),
                    IdxFile.read(lb, EMBEDDED_LABELS),
                    "embedded Fashion-MNIST subset");
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = FashionMnist.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    "the embedded dataset " + name + " is missing from the class path");
        }
        return in;
    }

    /** Wraps arrays already read (for the subset writer). */
    static FashionMnist of(IdxFile images, IdxFile labels) throws IOException {
        return new FashionMnist(images, labels, "Fashion-MNIST arrays");
    }

    public int size() {
        return images.count();
    }

    public int rows() {
        return images.dims()[1];
    }

    public int cols() {
        return images.dims()[2];
    }

    /** Class label (0..9) of image {@code i}. */
    public int label(int i) {
        return labels.value(i);
    }

    IdxFile imageArray() {
        return images;
    }

    IdxFile labelArray() {
        return labels;
    }

    /** The images whose label is one of {@code classes}, in file order (all when none given). */
    public FashionMnist withClasses(int... classes) throws IOException {
        if (classes.length == 0) {
            return this;
        }
        boolean[] keep = new boolean[CLASSES.size()];
        for (int c : classes) {
            if (c < 0 || c >= keep.length) {
                throw new IllegalArgumentException("Fashion-MNIST class must be 0..9, got " + c);
            }
            keep[c] = true;
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (keep[label(i)]) {
                idx.add(i);
            }
        }
        return select(idx.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The first {@code n} images (all when {@code n >= size()}). */
    public FashionMnist first(int n) throws IOException {
        return n >= size() ? this : select(java.util.stream.IntStream.range(0, n).toArray());
    }

    /** The images at {@code indices}, in that order. */
    public FashionMnist select(int[] indices) throws IOException {
        int px = rows() * cols();
        byte[] im = new byte[indices.length * px];
        byte[] lb = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(images.data(), indices[i] * px, im, i * px, px);
            lb[i] = labels.data()[indices[i]];
        }
        return new FashionMnist(
                new IdxFile(new int[] {indices.length, rows(), cols()}, im),
                new IdxFile(new int[] {indices.length}, lb),
                "selection");
    }

    /**
     * The images as training data: padded by 2 px of background to 32 x 32 when {@code padTo32},
     * else at their 28 px resized to 32 (bilinear); 8-bit range, so the mapping is {@code y = x *
     * 127.5 + 127.5}.
     */
    public ImageStackData toTrainingData(boolean padTo32) {
        int n = size(), r = rows(), c = cols(), res = 32;
        if (!padTo32) {
            List<SourceImage> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new SourceImage("image " + (i + 1), 1, r, c, pixels(i)));
            }
            return ImageStackData.builder()
                    .setResolution(res)
                    .optBitDepth(BitDepth.BITS_8)
                    .build(list);
        }
        int dy = (res - r) / 2, dx = (res - c) / 2;
        float[] out = new float[n * res * res];
        Arrays.fill(out, -1f);
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < r; y++) {
                for (int x = 0; x < c; x++) {
                    // Official 8-bit convention: x = y / 127.5 − 1.
                    out[i * res * res + (y + dy) * res + x + dx] =
                            images.value((i * r + y) * c + x) / 127.5f - 1f;
                }
            }
        }
        return new ImageStackData(out, n, 1, res, IntensityMapping.ofDataRange(0, 255));
    }

    /** Image {@code i} as floats 0..255, row-major. */
    public float[] pixels(int i) {
        int px = rows() * cols();
        float[] p = new float[px];
        for (int k = 0; k < px; k++) {
            p[k] = images.value(i * px + k);
        }
        return p;
    }
}
