package sc.fiji.stylegan2.plugin.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import sc.fiji.stylegan2.model.generate.LatentSource;

/**
 * A labelled set of latents for Find Directions ({@code positive_latents}, {@code
 * negative_latents}): latent files and folders separated by commas; a folder stands for every
 * {@code .npz} and {@code .csv} in it (not its subfolders), in name order.
 */
public final class LatentSets {

    private LatentSets() {}

    /**
     * The files of a set, checked before any work.
     *
     * @return null when the text is blank
     * @throws IllegalArgumentException naming the key and the path that does not exist, cannot be
     *     read, or is a folder without latent files
     */
    public static LatentSource parse(String key, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String p = part.trim();
            Path path =
                    Path.of(
                            p.startsWith("~/")
                                    ? System.getProperty("user.home") + p.substring(1)
                                    : p);
            if (Files.isDirectory(path)) {
                List<Path> inside = latentFilesIn(key, path);
                if (inside.isEmpty()) {
                    throw new IllegalArgumentException(
                            key + " '" + p + "' is a folder without .npz or .csv latent files");
                }
                files.addAll(inside);
            } else {
                if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                    throw new IllegalArgumentException(
                            key
                                    + " '"
                                    + p
                                    + "' "
                                    + (Files.exists(path) ? "cannot be read" : "does not exist")
                                    + ": give latent files (.npz or .csv) or folders of them");
                }
                files.add(path);
            }
        }
        return files.isEmpty() ? null : LatentSource.files(key, files);
    }

    private static List<Path> latentFilesIn(String key, Path folder) {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(Files::isRegularFile)
                    .filter(
                            f -> {
                                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                                return n.endsWith(".npz") || n.endsWith(".csv");
                            })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    key + " '" + folder + "' cannot be listed: " + e.getMessage(), e);
        }
    }
}
