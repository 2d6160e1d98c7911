package sc.fiji.stylegan2.training.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects of a label image or mask: every distinct value above 0 of a plane is one object (a
 * mask, all ones, is one object per plane; a label image from a segmentation, e.g. StarDist or
 * Cellpose, one per cell). Centroids are the mean pixel coordinates, pixel centres at integer
 * coordinates.
 */
public final class LabelObjects {

    private LabelObjects() {}

    /**
     * One object.
     *
     * @param image the index of the source image it lies in
     * @param label its value in the label image
     * @param x centroid column
     * @param y centroid row
     */
    public record LabelObject(int image, int label, double x, double y) {}

    /**
     * The label plane of each of {@code images} images: one plane for all of them, or one each.
     *
     * @throws IllegalArgumentException naming {@code labels}: another size, several channels,
     *     another count, negative or fractional values
     */
    public static List<SourceImage> planes(List<SourceImage> labels, List<SourceImage> images) {
        SourceImage first = images.get(0);
        if (labels.size() != 1 && labels.size() != images.size()) {
            throw new IllegalArgumentException(
                    "labels has "
                            + labels.size()
                            + " planes for "
                            + images.size()
                            + " images: give one label image for all of them or one per image");
        }
        for (SourceImage l : labels) {
            if (l.channels() != 1 || l.height() != first.height() || l.width() != first.width()) {
                throw new IllegalArgumentException(
                        "labels is "
                                + l.describeSize()
                                + " but the images are "
                                + first.width()
                                + " x "
                                + first.height()
                                + " px: give a one-channel label image or mask of"
                                + " the images' size");
            }
            for (float v : l.pixels()) {
                if (!(v >= 0) || v != Math.rint(v)) {
                    throw new IllegalArgumentException(
                            "labels holds the value "
                                    + v
                                    + ": give a label image or"
                                    + " mask of whole numbers >= 0 (0 = background)");
                }
            }
        }
        List<SourceImage> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            out.add(labels.get(labels.size() == 1 ? 0 : i));
        }
        return out;
    }

    /** Every object of every plane, by image, then by label value. */
    public static List<LabelObject> centroids(List<SourceImage> planes) {
        List<LabelObject> out = new ArrayList<>();
        for (int i = 0; i < planes.size(); i++) {
            SourceImage p = planes.get(i);
            Map<Integer, double[]> sums = new TreeMap<>(); // label -> {Σx, Σy, n}
            for (int y = 0; y < p.height(); y++) {
                for (int x = 0; x < p.width(); x++) {
                    int label = (int) p.pixels()[y * p.width() + x];
                    if (label > 0) {
                        double[] s = sums.computeIfAbsent(label, k -> new double[3]);
                        s[0] += x;
                        s[1] += y;
                        s[2]++;
                    }
                }
            }
            for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
                double[] s = e.getValue();
                out.add(new LabelObject(i, e.getKey(), s[0] / s[2], s[1] / s[2]));
            }
        }
        return out;
    }
}
