package sc.fiji.stylegan2.plugin.input;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import sc.fiji.stylegan2.model.generate.LabeledLatents;
import sc.fiji.stylegan2.model.generate.LatentSource;

/**
 * The latent file parameters: where Project Image writes latents ({@code latent_file}) and where
 * the other commands read them in place of seeds ({@code latent_file}, {@code latent_files}, {@code
 * row_latents}, {@code col_latents}). Writing gives a NumPy {@code .npz} (the official projector's
 * format) and a {@code .csv} of the same name beside it; a name without either extension gets
 * {@code .npz}. Reading takes either. Where a command has both, a latent file given wins: the seeds
 * are then not used (not even checked), since they always have a value (their default) in dialogs,
 * macros and the launcher.
 */
public final class LatentFiles {

    private LatentFiles() {}

    /**
     * The latents of a command's images: the files when any are given, else the seeds.
     *
     * @param key the files' parameter key, e.g. {@code row_latents}
     * @param files comma-separated paths ({@code a.npz,b.csv}; {@code ~/} is the home folder); null
     *     or blank: none
     * @param seeds the seeds' source, asked only when no file is given (it parses and checks the
     *     seeds)
     * @throws IllegalArgumentException naming the key and the path of a file that does not exist,
     *     is a folder or cannot be read
     */
    public static LatentSource orSeeds(String key, String files, Supplier<LatentSource> seeds) {
        List<Path> paths = new ArrayList<>();
        for (String part : files == null ? new String[0] : files.split(",")) {
            if (!part.isBlank()) {
                paths.add(readable(key, part.trim()));
            }
        }
        return paths.isEmpty() ? seeds.get() : LatentSource.files(key, paths);
    }

    /**
     * As {@link #orSeeds(String, String, Supplier)} for a parameter that takes one file (commas are
     * kept).
     */
    public static LatentSource orSeeds(String key, File file, Supplier<LatentSource> seeds) {
        boolean none = file == null || file.getPath().isBlank();
        return none ? seeds.get() : LatentSource.files(key, List.of(readable(key, file.getPath())));
    }

    private static Path readable(String key, String file) {
        Path path =
                Path.of(
                        file.startsWith("~/")
                                ? System.getProperty("user.home") + file.substring(1)
                                : file);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(key + " '" + file + "' does not exist");
        }
        if (Files.isDirectory(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + file
                            + "' is "
                            + (Files.isDirectory(path) ? "a folder" : "not readable")
                            + ": give a latent file (.npz or .csv)");
        }
        return path;
    }

    /**
     * The one latent of a command that shows one image.
     *
     * @throws IllegalArgumentException naming the key when the source gave several latents
     */
    public static LabeledLatents requireOne(LatentSource source, LabeledLatents latents) {
        if (latents.count() != 1) {
            throw new IllegalArgumentException(
                    source.key()
                            + " "
                            + describe(source)
                            + " holds "
                            + latents.count()
                            + " latents, but this command shows one image: give a file with one latent");
        }
        return latents;
    }

    /**
     * The source as short text for summaries: {@code 0-3,10} for seeds, the file names for files.
     */
    public static String describe(LatentSource source) {
        if (source instanceof LatentSource.Seeds s) {
            return SeedText.of(s.seeds());
        }
        return ((LatentSource.Files) source)
                .files().stream()
                        .map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(","));
    }

    /**
     * The path to write, checked before any work starts.
     *
     * @return null when no file is given (nothing is written)
     * @throws IllegalArgumentException naming {@code latent_file} when its folder does not exist or
     *     is not writable, or the {@code .npz} or {@code .csv} to write is a folder
     */
    public static Path forWriting(File file) {
        if (file == null || file.getPath().isBlank()) {
            return null;
        }
        Path npz = npz(file.toPath().toAbsolutePath());
        ModelFiles.requireWritableFile("latent_file", npz);
        ModelFiles.requireWritableFile("latent_file", csv(npz));
        return npz;
    }

    /** The {@code .npz} of a latent file name. */
    public static Path npz(Path file) {
        return withExtension(file, ".npz");
    }

    /** The {@code .csv} beside a latent file. */
    public static Path csv(Path file) {
        return withExtension(file, ".csv");
    }

    private static Path withExtension(Path file, String ext) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String base =
                lower.endsWith(".npz") || lower.endsWith(".csv")
                        ? name.substring(0, name.length() - 4)
                        : name;
        return file.resolveSibling(base + ext);
    }
}
