package sc.fiji.stylegan2.plugin.image;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.io.TiffEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.io.AtomicFile;

/**
 * Saves an ImageJ 1.x image as an ImageJ TIFF (32-bit float stays 32-bit; slice labels and
 * hyperstack dimensions are kept) with ImageJ's own TIFF encoder. The file is written all or
 * nothing ({@link AtomicFile}: a temporary file in the same folder, renamed into place), so a
 * failed or interrupted save (a full disk) never leaves a half-written file and leaves the previous
 * file unchanged, and says so.
 */
public final class TiffStackWriter {

    private TiffStackWriter() {}

    /**
     * Writes {@code imp} to {@code file}, replacing it if it exists.
     *
     * @throws IOException if the folder is missing, or the file could not be written (the message
     *     names it, the reason, and that the previous file is unchanged)
     */
    public static void save(ImagePlus imp, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException(
                    "cannot save " + target + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("cannot save " + target + ": it is a folder; give a file name");
        }
        AtomicFile.write(target, out -> encode(imp, out));
    }

    /**
     * The image as ImageJ's {@link FileSaver#saveAsTiff(String)} writes it (same {@link FileInfo}:
     * info, description with hyperstack dimensions and calibration, slice labels, ROI, overlay,
     * properties, display ranges and LUTs), but into a stream, so a failure is an {@link
     * IOException} here rather than ImageJ's error dialog naming a temporary file.
     */
    private static void encode(ImagePlus imp, OutputStream out) throws IOException {
        FileSaver saver = new FileSaver(imp);
        FileInfo fi = imp.getFileInfo();
        fi.info = imp.getInfoProperty();
        fi.description = saver.getDescriptionString();
        if (fi.nImages > 1) {
            fi.sliceLabels = imp.getStack().getSliceLabels();
        } else if (imp.getStack().getSliceLabel(1) != null) {
            fi.sliceLabels = new String[] {imp.getStack().getSliceLabel(1)};
        }
        fi.roi = RoiEncoder.saveAsByteArray(imp.getRoi());
        fi.overlay = FileSaver.getOverlay(imp);
        fi.properties = imp.getPropertiesAsArray();
        if (imp.isComposite()) {
            saver.saveDisplayRangesAndLuts(imp, fi);
        }
        new TiffEncoder(fi).write(out);
    }
}
