package sc.fiji.stylegan2.plugin.image;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves an ImageJ 1.x image as an ImageJ TIFF (32-bit float stays 32-bit; slice labels and hyperstack
 * dimensions are kept) with ImageJ's own {@link FileSaver}. The file is written to a temporary file in the
 * same folder and renamed into place, so a failed or interrupted save never leaves a half-written file
 * under the target name.
 */
public final class TiffStackWriter {

    private TiffStackWriter() {}

    /**
     * Writes {@code imp} to {@code file}, replacing it if it exists.
     *
     * @throws IOException if the folder is missing or not writable, or ImageJ cannot write the file
     */
    public static void save(ImagePlus imp, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot save " + target + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("cannot save " + target + ": it is a folder; give a file name");
        }
        // Not Files.createTempFile: its owner-only permissions would stay on the renamed file.
        Path temp = target.resolveSibling(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
        String title = imp.getTitle();
        try {
            if (!new FileSaver(imp).saveAsTiff(temp.toString())) {
                throw new IOException("ImageJ could not write " + target + " (disk full?)");
            }
            move(temp, target);
        } finally {
            imp.setTitle(title); // FileSaver renames the image after the file it wrote
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
