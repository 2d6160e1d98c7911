package sc.fiji.stylegan2.plugin.input;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks the file parameters of the commands before any work starts, so that the Fiji dialog, a
 * macro and the headless launcher all report the same message: the parameter key, the path and what
 * is wrong.
 */
public final class ModelFiles {

    /** The extension of this project's own checkpoint format. */
    public static final String SG2_EXTENSION = ".sg2";

    private ModelFiles() {}

    /**
     * Returns the path of an existing, readable model file.
     *
     * @param key the parameter key for messages, e.g. {@code model_file}
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static Path requireReadable(String key, File file) {
        if (file == null || file.getPath().isBlank()) {
            throw new IllegalArgumentException(
                    key
                            + " is not set: give a StyleGAN2 model (.pkl, .pt or "
                            + SG2_EXTENSION
                            + " file)");
        }
        Path path = file.toPath();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(key + " '" + file + "' does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + file
                            + "' is a folder: give a model file (.pkl, .pt or "
                            + SG2_EXTENSION
                            + ")");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(
                    key + " '" + file + "' cannot be read (permissions?)");
        }
        return path;
    }

    /**
     * Returns the path to write a checkpoint to: {@code .sg2} is appended when the name has no such
     * extension, and the folder must exist.
     *
     * @param key the parameter key for messages, e.g. {@code output_file}
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static Path requireWritableSg2(String key, File file) {
        if (file == null || file.getPath().isBlank()) {
            throw new IllegalArgumentException(
                    key + " is not set: give the " + SG2_EXTENSION + " file to write");
        }
        Path path = file.toPath().toAbsolutePath();
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SG2_EXTENSION)) {
            path = path.resolveSibling(path.getFileName() + SG2_EXTENSION);
        }
        requireWritableFile(key, path);
        return path;
    }

    /**
     * Checks, before any work starts, that a file can be written at {@code path}: its folder exists
     * and is writable, and the path is not a folder itself nor an existing file that cannot be
     * replaced.
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static void requireWritableFile(String key, Path path) {
        requireWritableFolder(key, path);
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + path
                            + "' is a folder: give a file name, e.g. "
                            + path.resolve("out" + extension(path)));
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + path
                            + "' exists and cannot be replaced (permissions?);"
                            + " choose another name");
        }
    }

    /**
     * Checks that the folder {@code path} will be written into exists and is writable.
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static void requireWritableFolder(String key, Path path) {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + path
                            + "': "
                            + folder
                            + " is a file, not a folder;"
                            + " give a path in an existing folder");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + path
                            + "': folder "
                            + folder
                            + " does not exist;"
                            + " create it first or give a path in an existing folder");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + path
                            + "': folder "
                            + folder
                            + " is not writable;"
                            + " give a path in a folder you can write to");
        }
    }

    /** The file's extension with its dot ({@code .tif}), or {@code .tif} when it has none. */
    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : ".tif";
    }
}
