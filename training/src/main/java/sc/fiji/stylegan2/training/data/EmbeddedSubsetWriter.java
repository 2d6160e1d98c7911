package sc.fiji.stylegan2.training.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the embedded default dataset from Debian's Fashion-MNIST: the first {@code perClass}
 * images of each class of the training split, in file order (so the subset is balanced and
 * reproducible), as gzipped IDX files. Run from the repository root:
 *
 * <pre>
 * java -cp training/target/classes:model/target/classes:... \
 *     sc.fiji.stylegan2.training.data.EmbeddedSubsetWriter 500 \
 *     training/src/main/resources/sc/fiji/stylegan2/training/data
 * </pre>
 */
public final class EmbeddedSubsetWriter {

    private EmbeddedSubsetWriter() {}

    public static void main(String[] args) throws IOException {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir =
                Path.of(
                        args.length > 1
                                ? args[1]
                                : "training/src/main/resources/sc/fiji/stylegan2/training/data");
        FashionMnist subset =
                balancedSubset(FashionMnist.debian(FashionMnist.Split.TRAIN), perClass);
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(FashionMnist.EMBEDDED_IMAGES))) {
            subset.imageArray().writeGzip(out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(FashionMnist.EMBEDDED_LABELS))) {
            subset.labelArray().writeGzip(out);
        }
        System.out.printf("wrote %d images (%d per class) to %s%n", subset.size(), perClass, dir);
    }

    /** The first {@code perClass} images of every class, kept in file order. */
    static FashionMnist balancedSubset(FashionMnist all, int perClass) throws IOException {
        int[] taken = new int[FashionMnist.CLASSES.size()];
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (taken[all.label(i)]++ < perClass) {
                keep.add(i);
            }
        }
        return all.select(keep.stream().mapToInt(Integer::intValue).toArray());
    }
}
