package sc.fiji.stylegan2.training.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the checkpoints in an output folder: {@code network-snapshot-000120.sg2} for 120 kimg,
 * as the official {@code network-snapshot-000120.pkl}. A name that is taken is never reused: the
 * new file gets the image count appended ({@code network-snapshot-000120-120008.sg2}), then a
 * counter, so a save never replaces a checkpoint that is already there.
 */
public final class SnapshotFiles {

    private static final Pattern NAME =
            Pattern.compile("network-snapshot-(\\d+)(?:-(\\d+))?(?:-(\\d+))?\\.sg2");

    private SnapshotFiles() {}

    /**
     * A file name in {@code dir} for a checkpoint after {@code curNimg} images that no file has
     * yet.
     */
    public static Path newFile(Path dir, long curNimg) {
        String base = String.format("network-snapshot-%06d", curNimg / 1000);
        Path p = dir.resolve(base + ".sg2");
        if (!Files.exists(p)) {
            return p;
        }
        p = dir.resolve(base + "-" + curNimg + ".sg2");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + curNimg + "-" + i + ".sg2");
        }
        return p;
    }

    /**
     * The most advanced checkpoint in {@code dir}: the largest kimg in the name, then image count,
     * then the newest file.
     */
    public static Optional<Path> latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .max(
                            Comparator.comparingLong((Path f) -> group(f, 1))
                                    .thenComparingLong(f -> group(f, 2))
                                    .thenComparingLong(f -> group(f, 3))
                                    .thenComparingLong(SnapshotFiles::modified));
        }
    }

    private static long group(Path f, int i) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        return m.matches() && m.group(i) != null ? Long.parseLong(m.group(i)) : 0;
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
