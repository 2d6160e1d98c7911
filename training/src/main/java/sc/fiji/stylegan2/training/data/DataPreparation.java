package sc.fiji.stylegan2.training.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.Calibration;
import sc.fiji.stylegan2.model.IntensityMapping;

/**
 * Source images to training data by {@link DataOptions}: whole images ({@link ImageStackData}),
 * random tiles ({@link TileData}) or crops centred on the objects of a label image ({@link
 * LabelObjects}) or on given object centres (the ROIs of ImageJ's ROI Manager or a ROI set, decoded
 * by the plugin). Tiles and objects choose the intensity range over the whole images, then cut
 * crops of {@code resolution × scale} data pixels and resize them to the resolution (area averaging
 * when shrinking).
 */
public final class DataPreparation {

    private DataPreparation() {}

    /**
     * Prepares {@code stack}.
     *
     * @param labels a label image or mask (one plane for all images, or one per image), or null;
     *     needed for {@code objects}, optional for {@code tiles} (with {@code min_foreground})
     * @throws IllegalArgumentException with a message naming the key at fault
     */
    public static TrainingData prepare(
            SourceStack stack, List<SourceImage> labels, int resolution, DataOptions options) {
        return prepare(stack, labels, null, resolution, options);
    }

    /**
     * Prepares {@code stack}, with object centres given directly for {@code sampling=objects}.
     *
     * @param labels a label image or mask, or null (see {@link #prepare(SourceStack, List, int,
     *     DataOptions)})
     * @param rois object centres (key {@code rois}: the ROIs' centroids, {@link
     *     LabelObjects.LabelObject#label} the ROI's number from 1), or null; only with {@code
     *     sampling=objects} and without {@code labels}
     * @throws IllegalArgumentException with a message naming the key at fault
     */
    public static TrainingData prepare(
            SourceStack stack,
            List<SourceImage> labels,
            List<LabelObjects.LabelObject> rois,
            int resolution,
            DataOptions options) {
        SamplingOptions s = options.sampling();
        if (rois != null && s.mode() != SamplingMode.OBJECTS) {
            throw new IllegalArgumentException(
                    "rois is set but sampling is "
                            + s.mode().name().toLowerCase(Locale.ROOT)
                            + ": ROIs mark objects for sampling=objects; give sampling=objects or"
                            + " leave rois empty");
        }
        if (rois != null && labels != null) {
            throw new IllegalArgumentException(
                    "labels and rois are both set: give the objects as a label image (labels) or"
                            + " as ROIs (rois), not both");
        }
        if (s.mode() == SamplingMode.WHOLE) {
            return ImageStackData.builder()
                    .setResolution(resolution)
                    .optIntensity(options.intensity())
                    .build(stack);
        }
        List<SourceImage> images = stack.images();
        StackChecks.requireConsistent(images);
        List<SourceImage> planes = labels == null ? null : LabelObjects.planes(labels, images);
        if (rois != null) {
            requireInside(rois, images);
        }
        if (s.mode() == SamplingMode.OBJECTS && planes == null && rois == null) {
            throw new IllegalArgumentException(
                    "sampling=objects needs labels: give a label image or mask of the"
                            + " images' size");
        }
        IntensityRanges.Choice choice =
                IntensityRanges.choose(images, stack.bitDepth(), options.intensity());
        List<SourceImage> normalised = new ArrayList<>();
        for (SourceImage im : images) {
            normalised.add(IntensityRanges.normalise(im, choice.mapping()));
        }
        int side = s.cropSide(resolution);
        // Each training pixel covers side / resolution data pixels.
        Calibration cal =
                stack.calibration() == null
                        ? null
                        : stack.calibration().times((double) side / resolution);
        return s.mode() == SamplingMode.TILES
                ? tiles(normalised, planes, side, resolution, choice, s, cal)
                : objects(
                                normalised,
                                rois != null ? rois : LabelObjects.centroids(planes),
                                rois != null ? "rois" : "labels",
                                side,
                                resolution,
                                choice)
                        .withCalibration(cal);
    }

    private static TileData tiles(
            List<SourceImage> images,
            List<SourceImage> planes,
            int side,
            int resolution,
            IntensityRanges.Choice choice,
            SamplingOptions s,
            Calibration cal) {
        SourceImage first = images.get(0);
        if (first.width() < side || first.height() < side) {
            throw new IllegalArgumentException(
                    "sampling=tiles: tiles of "
                            + side
                            + " px (resolution "
                            + resolution
                            + " x scale "
                            + s.scale()
                            + ") do not fit in images of "
                            + first.width()
                            + " x "
                            + first.height()
                            + " px: lower scale or resolution");
        }
        long[][] fg = null;
        if (planes != null && s.minForeground() > 0) {
            fg = new long[planes.size()][];
            for (int i = 0; i < fg.length; i++) {
                fg[i] = TileData.summedArea(planes.get(i));
            }
        }
        int grid = images.size() * (first.width() / side) * (first.height() / side);
        long distinct =
                (long) images.size() * (first.width() - side + 1) * (first.height() - side + 1);
        String what =
                String.format(
                        Locale.ROOT,
                        "sampling tiles: %d image(s) of %d x %d px, tiles of %d px"
                                + " (scale %s) resized to %d px: %,d non-overlapping tiles (the data set size), %,d distinct"
                                + " positions%s",
                        images.size(),
                        first.width(),
                        first.height(),
                        side,
                        fmt(s.scale()),
                        resolution,
                        grid,
                        distinct,
                        fg == null
                                ? ""
                                : ", at least " + fmt(100 * s.minForeground()) + " % foreground");
        return new TileData(
                images,
                side,
                resolution,
                choice.mapping(),
                fg,
                s.minForeground(),
                choice.description() + "; " + what,
                cal);
    }

    private static ImageStackData objects(
            List<SourceImage> images,
            List<LabelObjects.LabelObject> objects,
            String key,
            int side,
            int resolution,
            IntensityRanges.Choice choice) {
        if (objects.size() < 2) {
            throw new IllegalArgumentException(
                    key
                            + " holds "
                            + objects.size()
                            + " object(s): sampling=objects"
                            + " needs at least 2 ("
                            + (key.equals("labels") ? "label values above 0" : "ROIs")
                            + ")");
        }
        SourceImage first = images.get(0);
        int c = first.channels(), n = c * resolution * resolution;
        StackChecks.requireFitsInOneArray(objects.size(), c, resolution);
        float[] out = new float[objects.size() * n];
        for (int k = 0; k < objects.size(); k++) {
            LabelObjects.LabelObject o = objects.get(k);
            float[] crop = objectCrop(images.get(o.image()), o, side);
            System.arraycopy(
                    Resize.planes(crop, c, side, side, resolution, resolution), 0, out, k * n, n);
        }
        IntensityMapping m = choice.mapping();
        String what =
                String.format(
                        Locale.ROOT,
                        "sampling objects: %,d objects (%s) in %d image(s), crops of %d px"
                                + " centred on their centroids resized to %d px (the data set size: %,d distinct crops)",
                        objects.size(),
                        key,
                        images.size(),
                        side,
                        resolution,
                        objects.size());
        return new ImageStackData(out, objects.size(), c, resolution, m)
                .describedAs(choice.description() + "; " + what);
    }

    /**
     * The crop of {@code side} pixels centred on object {@code o}'s centroid (outside the image:
     * -1).
     */
    public static float[] objectCrop(SourceImage image, LabelObjects.LabelObject o, int side) {
        return Crop.square(
                image,
                Crop.startCentredOn(o.x(), side),
                Crop.startCentredOn(o.y(), side),
                side,
                -1f);
    }

    /**
     * Refuses object centres outside the images: the image index out of range, or the centre beyond
     * the outermost pixels (pixel centres at integer coordinates, so a pixel spans ±½).
     */
    private static void requireInside(
            List<LabelObjects.LabelObject> rois, List<SourceImage> images) {
        SourceImage first = images.get(0);
        for (LabelObjects.LabelObject o : rois) {
            boolean inside =
                    o.image() >= 0
                            && o.image() < images.size()
                            && o.x() >= -0.5
                            && o.x() < first.width() - 0.5
                            && o.y() >= -0.5
                            && o.y() < first.height() - 0.5;
            if (!inside) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "rois: ROI %d (centre x=%.1f, y=%.1f, image %d) lies outside the"
                                        + " %d image(s) of %d x %d px: give ROIs drawn on the"
                                        + " training images",
                                o.label(),
                                o.x(),
                                o.y(),
                                o.image() + 1,
                                images.size(),
                                first.width(),
                                first.height()));
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
