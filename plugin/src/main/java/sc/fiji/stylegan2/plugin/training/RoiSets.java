package sc.fiji.stylegan2.plugin.training;

import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.plugin.frame.RoiManager;
import ij.process.FloatPolygon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import sc.fiji.stylegan2.training.data.LabelObjects.LabelObject;

/**
 * The objects of Train StyleGAN2's {@code rois} key, decoded with ImageJ 1.x so the training
 * library stays free of it: a ROI set file (the ROI Manager's {@code RoiSet.zip}, or one {@code
 * .roi}) or, inside ImageJ, the ROIs of the ROI Manager ({@code rois=[ROI Manager]}). Every area
 * ROI is one object at its contour centroid; every point of a point ROI is one object. The centres
 * go to {@code training.data.DataPreparation} as plain {@link LabelObject}s, one crop each.
 *
 * <p>A ROI's image: a ROI without a position lies on every image (as one label plane for all images
 * does); a slice or frame position (a hyperstack's Z and T; its C is ignored, the channels are one
 * image) picks that image, counted as the images are read: Z fastest, then T.
 */
public final class RoiSets {

    /** The value of {@code rois} that takes the ROI Manager's ROIs. */
    public static final String MANAGER = "ROI Manager";

    private static final String VALID =
            "give a RoiSet.zip saved by ImageJ's ROI Manager (More >> Save...), a .roi file, or"
                    + " [ROI Manager] inside ImageJ";

    /**
     * One object centre, in pixel coordinates with pixel centres at whole numbers.
     *
     * @param number the ROI's number in the set, from 1
     * @param stackPosition the ROI's position in a plain stack (from 1; 0 = none)
     * @param z its hyperstack slice (0 = all)
     * @param t its hyperstack frame (0 = all)
     * @param hyperstack whether z and t hold the position (else stackPosition)
     */
    public record RoiCentre(
            int number,
            String name,
            int stackPosition,
            int z,
            int t,
            boolean hyperstack,
            double x,
            double y) {}

    private RoiSets() {}

    /**
     * The ROIs of {@code rois}: {@link #MANAGER} or a file.
     *
     * @throws IllegalArgumentException naming {@code rois}: missing or unreadable file, not a ROI
     *     set, no ROIs, no ROI Manager
     */
    public static List<RoiCentre> read(String rois) {
        String value = rois.trim();
        if (value.equalsIgnoreCase(MANAGER) || value.equalsIgnoreCase("manager")) {
            RoiManager manager = RoiManager.getInstance();
            Roi[] all = manager == null ? new Roi[0] : manager.getRoisAsArray();
            if (all.length == 0) {
                throw new IllegalArgumentException(
                        "rois=[ROI Manager]: "
                                + (manager == null ? "the ROI Manager is not open" : "it is empty")
                                + "; add ROIs to it, or give a RoiSet.zip file");
            }
            return centres(List.of(all));
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("rois '" + value + "' does not exist: " + VALID);
        }
        List<Roi> decoded;
        try {
            decoded =
                    value.toLowerCase(Locale.ROOT).endsWith(".roi") ? single(file) : fromZip(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "rois '" + value + "' cannot be read (" + e.getMessage() + "): " + VALID, e);
        }
        if (decoded.isEmpty()) {
            throw new IllegalArgumentException(
                    "rois '" + value + "' is not a ROI set (it holds no ImageJ ROIs): " + VALID);
        }
        return centres(decoded);
    }

    private static List<Roi> single(Path file) throws IOException {
        Roi roi = decode(Files.readAllBytes(file), file.getFileName().toString());
        return roi == null ? List.of() : List.of(roi);
    }

    /** Every {@code .roi} entry of a zip; none for a file that is not a zip. */
    private static List<Roi> fromZip(Path file) throws IOException {
        List<Roi> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) {
                    Roi roi = decode(zip.readAllBytes(), e.getName());
                    if (roi == null) {
                        throw new IOException("entry " + e.getName() + " is not an ImageJ ROI");
                    }
                    out.add(roi);
                }
            }
        } catch (ZipException e) {
            return List.of();
        }
        return out;
    }

    /** A ROI from the bytes of a {@code .roi} file; null when they are not one. */
    private static Roi decode(byte[] bytes, String name) {
        if (bytes.length < 64 || bytes[0] != 'I' || bytes[1] != 'o' || bytes[2] != 'u') {
            return null; // every ImageJ ROI starts with the magic "Iout" and a 64-byte header
        }
        try {
            return new RoiDecoder(bytes, name).getRoi();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * One centre per area ROI (its contour centroid) and per point of a point ROI. ImageJ puts
     * pixel i's area at [i, i + 1) and a point on pixel i at i, so area centroids move by −½.
     */
    static List<RoiCentre> centres(List<Roi> rois) {
        List<RoiCentre> out = new ArrayList<>();
        for (int k = 0; k < rois.size(); k++) {
            Roi r = rois.get(k);
            boolean hyper = r.hasHyperStackPosition();
            int number = k + 1;
            String name = r.getName() == null ? "ROI " + number : r.getName();
            if (r instanceof PointRoi) {
                FloatPolygon p = r.getFloatPolygon();
                for (int i = 0; i < p.npoints; i++) {
                    out.add(
                            new RoiCentre(
                                    number,
                                    name,
                                    r.getPosition(),
                                    r.getZPosition(),
                                    r.getTPosition(),
                                    hyper,
                                    p.xpoints[i],
                                    p.ypoints[i]));
                }
            } else {
                double[] c = r.getContourCentroid();
                out.add(
                        new RoiCentre(
                                number,
                                name,
                                r.getPosition(),
                                r.getZPosition(),
                                r.getTPosition(),
                                hyper,
                                c[0] - 0.5,
                                c[1] - 0.5));
            }
        }
        return out;
    }

    /**
     * The objects on {@code count} images read from a stack of {@code channels × slices × frames}
     * (a folder of single images: 1 × count × 1).
     *
     * @throws IllegalArgumentException naming {@code rois} for a position beyond the images
     */
    public static List<LabelObject> objects(
            List<RoiCentre> rois, int count, int channels, int slices) {
        int frames = Math.max(1, count / slices);
        List<LabelObject> out = new ArrayList<>();
        for (RoiCentre r : rois) {
            int z = r.z(), t = r.t();
            if (!r.hyperstack() && r.stackPosition() > 0) {
                // A plain stack position counts channels too: stack index = c + (z−1)·C +
                // (t−1)·C·Z.
                int slice = (r.stackPosition() - 1) / channels;
                z = slice % slices + 1;
                t = slice / slices + 1;
            } else if (!r.hyperstack()) {
                z = 0;
                t = 0;
            }
            if (z > slices || t > frames) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "rois: ROI '%s' is on %s but the images have %d slice(s) and %d"
                                        + " frame(s): give ROIs drawn on the training images",
                                r.name(),
                                r.hyperstack()
                                        ? "slice " + z + ", frame " + t
                                        : "image " + r.stackPosition(),
                                slices,
                                frames));
            }
            for (int ti = t == 0 ? 1 : t; ti <= (t == 0 ? frames : t); ti++) {
                for (int zi = z == 0 ? 1 : z; zi <= (z == 0 ? slices : z); zi++) {
                    out.add(new LabelObject((ti - 1) * slices + zi - 1, r.number(), r.x(), r.y()));
                }
            }
        }
        return out;
    }
}
