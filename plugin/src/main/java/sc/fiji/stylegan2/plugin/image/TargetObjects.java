package sc.fiji.stylegan2.plugin.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.plugin.training.ImageFiles;
import sc.fiji.stylegan2.plugin.training.RoiSets;
import sc.fiji.stylegan2.training.data.LabelObjects;
import sc.fiji.stylegan2.training.data.LabelObjects.LabelObject;
import sc.fiji.stylegan2.training.data.SourceImage;

/**
 * Project Image's {@code sampling=objects}: one square crop per object of the targets, centred on
 * it as training centres its object crops ({@code training.data.DataPreparation#objectCrop}: the
 * start is the centre minus half the side, rounded), the objects from a label image ({@code
 * labels}) or ROIs ({@code rois}, see {@link RoiSets}).
 */
public final class TargetObjects {

    private TargetObjects() {}

    /**
     * The objects of a label image or mask file: one plane for all targets, or one per target.
     *
     * @throws IllegalArgumentException naming {@code labels}
     */
    public static TargetSampling.ObjectLocator fromLabels(Path labels) {
        List<SourceImage> planes;
        try {
            planes = ImageFiles.read(labels).images();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("labels '" + labels + "': " + e.getMessage(), e);
        }
        return targets -> LabelObjects.centroids(LabelObjects.planes(planes, images(targets)));
    }

    /**
     * The objects of ROIs: a ROI without a position on every target, one with a position on that
     * target.
     */
    public static TargetSampling.ObjectLocator fromRois(List<RoiSets.RoiCentre> rois) {
        return targets -> {
            List<LabelObject> objects = RoiSets.objects(rois, targets.count(), 1, targets.count());
            for (LabelObject o : objects) {
                if (o.x() < -0.5
                        || o.x() >= targets.width() - 0.5
                        || o.y() < -0.5
                        || o.y() >= targets.height() - 0.5) {
                    throw new IllegalArgumentException(
                            String.format(
                                    Locale.ROOT,
                                    "rois: ROI %d (centre x=%.1f, y=%.1f) lies outside the target"
                                            + " of %d x %d px: give ROIs drawn on the target",
                                    o.label(),
                                    o.x(),
                                    o.y(),
                                    targets.width(),
                                    targets.height()));
                }
            }
            return objects;
        };
    }

    /**
     * The crops of {@code side} pixels centred on {@code objects}; pixels beyond the target get
     * each channel's value that {@code intensity} maps to -1.
     *
     * @throws IllegalArgumentException naming {@code sampling} when there are no objects
     */
    static PlanarImages crops(
            PlanarImages targets, List<LabelObject> objects, int side, IntensityMapping intensity) {
        if (objects.isEmpty()) {
            throw new IllegalArgumentException(
                    "sampling=objects: the labels or rois mark no objects in the target");
        }
        int c = targets.channels(), w = targets.width(), h = targets.height();
        float[] out = new float[objects.size() * c * side * side];
        List<String> labels = new ArrayList<>(objects.size());
        for (int k = 0; k < objects.size(); k++) {
            LabelObject o = objects.get(k);
            // Crop start: the centre minus (side − 1)/2, rounded (training's object crops).
            int x0 = (int) Math.round(o.x() - (side - 1) / 2.0);
            int y0 = (int) Math.round(o.y() - (side - 1) / 2.0);
            for (int ch = 0; ch < c; ch++) {
                // y = offset − scale is the intensity that x = −1 maps to.
                float fill = (float) (intensity.offset(ch) - intensity.scale(ch));
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int sx = x0 + x, sy = y0 + y;
                        boolean inside = sx >= 0 && sy >= 0 && sx < w && sy < h;
                        out[((k * c + ch) * side + y) * side + x] =
                                inside
                                        ? targets.data()[((o.image() * c + ch) * h + sy) * w + sx]
                                        : fill;
                    }
                }
            }
            labels.add(
                    String.format(
                            Locale.ROOT,
                            "%s object %d x=%.1f,y=%.1f",
                            targets.labels().get(o.image()),
                            o.label(),
                            o.x(),
                            o.y()));
        }
        return new PlanarImages(out, objects.size(), c, side, side, labels);
    }

    /** Each target as a source image, for the label checks of training. */
    private static List<SourceImage> images(PlanarImages targets) {
        List<SourceImage> out = new ArrayList<>();
        int n = targets.channels() * targets.height() * targets.width();
        for (int i = 0; i < targets.count(); i++) {
            float[] p = new float[n];
            System.arraycopy(targets.data(), i * n, p, 0, n);
            out.add(
                    new SourceImage(
                            targets.labels().get(i),
                            targets.channels(),
                            targets.height(),
                            targets.width(),
                            p));
        }
        return out;
    }
}
