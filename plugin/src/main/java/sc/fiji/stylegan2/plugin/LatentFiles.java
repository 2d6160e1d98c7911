package sc.fiji.stylegan2.plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code latent_file} parameter: where Project Image writes latents and where the other commands read
 * them. Writing gives a NumPy {@code .npz} (the official projector's format) and a {@code .csv} of the same
 * name beside it; a name without either extension gets {@code .npz}.
 */
public final class LatentFiles {

    private LatentFiles() {}

    /**
     * The path to write, checked before any work starts.
     *
     * @return null when no file is given (nothing is written)
     * @throws IllegalArgumentException naming {@code latent_file} when its folder does not exist or is not
     *     writable
     */
    public static Path forWriting(File file) {
        if (file == null || file.getPath().isBlank()) {
            return null;
        }
        Path npz = npz(file.toPath().toAbsolutePath());
        ModelFiles.requireWritableFolder("latent_file", npz);
        return npz;
    }

    /** The {@code .npz} of a latent file name. */
    static Path npz(Path file) {
        return withExtension(file, ".npz");
    }

    /** The {@code .csv} beside a latent file. */
    static Path csv(Path file) {
        return withExtension(file, ".csv");
    }

    private static Path withExtension(Path file, String ext) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.endsWith(".npz") || lower.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + ext);
    }
}
