package sc.fiji.stylegan2.plugin.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.training.data.LabelObjects.LabelObject;

/**
 * How Project Image cuts its targets into model inputs, with the keys of training ({@code
 * sampling}, {@code scale}): a target the size of the model's images is projected whole, a large
 * micrograph as its tiles, as a model trained on tiles saw its data. Shrinking a 2048 px field of
 * view to a 64 px model would project a blur the model never saw, so {@code auto} refuses targets
 * larger than {@value #AUTO_LIMIT} × the model resolution and says to choose.
 *
 * @param mode {@code auto}, {@code whole}, {@code tiles} or {@code objects}
 * @param scale data pixels per model pixel for tiles and objects: crops are {@code resolution ×
 *     scale} pixels, resized to the resolution
 * @param objects for {@code objects}: where the objects of the targets are (from {@code labels} or
 *     {@code rois}); null otherwise
 */
public record TargetSampling(Mode mode, double scale, ObjectLocator objects) {

    /** Finds the objects of the targets: one crop is projected per object. */
    @FunctionalInterface
    public interface ObjectLocator {
        /**
         * The objects of {@code targets}, image indices into them.
         *
         * @throws IllegalArgumentException naming {@code labels} or {@code rois}
         */
        List<LabelObject> locate(PlanarImages targets);
    }

    /** The largest target side, in model resolutions, that {@code auto} projects whole. */
    public static final int AUTO_LIMIT = 4;

    /** Whole targets up to {@link #AUTO_LIMIT} × the resolution, as before. */
    public static final TargetSampling AUTO = new TargetSampling(Mode.AUTO, 1, null);

    /** Values of the key {@code sampling}. */
    public enum Mode {
        /** {@link #WHOLE} up to {@link #AUTO_LIMIT} × the resolution; larger targets refused. */
        AUTO,
        /** Centre-cropped to a square and resized to the resolution, whatever the size. */
        WHOLE,
        /**
         * The grid of non-overlapping tiles of {@code resolution × scale} pixels from the top-left
         * corner (the right and bottom remainders are left out), each projected on its own.
         */
        TILES,
        /**
         * One crop of {@code resolution × scale} pixels centred on each object (a label of {@code
         * labels}, a ROI of {@code rois}), as training's {@code sampling=objects}.
         */
        OBJECTS
    }

    /**
     * The keys' values.
     *
     * @throws IllegalArgumentException naming {@code sampling} or {@code scale}
     */
    public static TargetSampling parse(String sampling, double scale) {
        return parse(sampling, scale, null);
    }

    /**
     * The keys' values, with the objects for {@code sampling=objects}.
     *
     * @throws IllegalArgumentException naming {@code sampling} or {@code scale}, or {@code
     *     sampling} when objects are given without {@code sampling=objects} or the other way round
     */
    public static TargetSampling parse(String sampling, double scale, ObjectLocator objects) {
        String v = sampling == null ? "" : sampling.trim().toUpperCase(Locale.ROOT);
        Mode mode = null;
        for (Mode m : Mode.values()) {
            if (m.name().equals(v)) {
                mode = m;
            }
        }
        if (mode == null) {
            throw new IllegalArgumentException(
                    "sampling '" + sampling + "' is not valid: give auto, whole, tiles or objects");
        }
        if (mode == Mode.OBJECTS && objects == null) {
            throw new IllegalArgumentException(
                    "sampling=objects needs labels (a label image or mask of the target's size) or"
                            + " rois (a RoiSet.zip, or ROI Manager)");
        }
        if (mode != Mode.OBJECTS && objects != null) {
            throw new IllegalArgumentException(
                    "sampling is "
                            + mode.name().toLowerCase(Locale.ROOT)
                            + " but labels or rois are set: give sampling=objects to project a crop"
                            + " per object, or leave them empty");
        }
        if (!(scale > 0 && scale <= 64)) {
            throw new IllegalArgumentException(
                    "scale "
                            + scale
                            + " is not valid: give data pixels per model pixel, above 0 up"
                            + " to 64 (1 = full resolution, 2 = half)");
        }
        return new TargetSampling(mode, scale, objects);
    }

    /** The side of a tile in target pixels for a model of {@code resolution} px. */
    public int tileSide(int resolution) {
        return Math.max(1, (int) Math.round(resolution * scale));
    }

    /**
     * The side, in target pixels, of what becomes one model image: the tile side, or the target's
     * shorter side (the centred square that whole projection resizes).
     */
    public int cropSide(PlanarImages targets, int resolution) {
        return mode == Mode.TILES || mode == Mode.OBJECTS
                ? tileSide(resolution)
                : Math.min(targets.width(), targets.height());
    }

    /**
     * The model inputs before resizing: the targets themselves (whole), their tiles, labelled
     * {@code "<target> tile x=<left>,y=<top>"} in target pixels, or their object crops, labelled
     * {@code "<target> object <label> x=<centre>,y=<centre>"}; pixels of an object crop beyond the
     * target get the value that {@code intensity} maps to -1 (as training pads).
     *
     * @throws IllegalArgumentException naming {@code sampling} for a target too large for {@code
     *     auto}, or {@code scale} when a tile does not fit in the target
     */
    public PlanarImages apply(PlanarImages targets, int resolution, IntensityMapping intensity) {
        if (mode == Mode.OBJECTS) {
            return TargetObjects.crops(
                    targets, objects.locate(targets), tileSide(resolution), intensity);
        }
        int w = targets.width(), h = targets.height();
        if (mode == Mode.AUTO && Math.max(w, h) > AUTO_LIMIT * resolution) {
            int side = resolution;
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "target is %d x %d px, more than %d x the model's %d px: give"
                                    + " sampling=tiles to project its %d tiles of %d px (scale 1;"
                                    + " scale=s for tiles of %d x s px), or sampling=whole to"
                                    + " shrink it to %d px",
                            w,
                            h,
                            AUTO_LIMIT,
                            resolution,
                            (w / side) * (h / side) * targets.count(),
                            side,
                            resolution,
                            resolution));
        }
        return mode == Mode.TILES ? tiles(targets, tileSide(resolution)) : targets;
    }

    private PlanarImages tiles(PlanarImages targets, int side) {
        int w = targets.width(), h = targets.height(), c = targets.channels();
        if (side > w || side > h) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "sampling=tiles: tiles of %d px (scale %s) do not fit in the target"
                                    + " of %d x %d px: lower scale",
                            side,
                            scale,
                            w,
                            h));
        }
        int across = w / side, down = h / side;
        int count = targets.count() * across * down;
        float[] out = new float[count * c * side * side];
        List<String> labels = new ArrayList<>(count);
        int k = 0;
        for (int n = 0; n < targets.count(); n++) {
            for (int ty = 0; ty < down; ty++) {
                for (int tx = 0; tx < across; tx++) {
                    for (int ch = 0; ch < c; ch++) {
                        for (int y = 0; y < side; y++) {
                            System.arraycopy(
                                    targets.data(),
                                    ((n * c + ch) * h + ty * side + y) * w + tx * side,
                                    out,
                                    ((k * c + ch) * side + y) * side,
                                    side);
                        }
                    }
                    labels.add(
                            targets.labels().get(n) + " tile x=" + tx * side + ",y=" + ty * side);
                    k++;
                }
            }
        }
        return new PlanarImages(out, count, c, side, side, labels);
    }
}
