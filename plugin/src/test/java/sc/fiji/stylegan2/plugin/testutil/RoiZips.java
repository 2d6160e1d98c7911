package sc.fiji.stylegan2.plugin.testutil;

import ij.gui.Roi;
import ij.io.RoiEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** ROI sets as ImageJ's ROI Manager saves them: a zip of {@code .roi} entries (RoiEncoder). */
public final class RoiZips {

    private RoiZips() {}

    /** Writes {@code rois} to {@code zip}, entries named {@code 0001.roi}, ... */
    public static Path write(Path zip, List<Roi> rois) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < rois.size(); i++) {
                z.putNextEntry(new ZipEntry(String.format("%04d.roi", i + 1)));
                z.write(RoiEncoder.saveAsByteArray(rois.get(i)));
                z.closeEntry();
            }
        }
        return zip;
    }
}
