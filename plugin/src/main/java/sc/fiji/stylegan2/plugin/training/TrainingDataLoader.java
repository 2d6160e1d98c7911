package sc.fiji.stylegan2.plugin.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.scijava.plugin.SciJavaPlugin;
import sc.fiji.stylegan2.training.data.DataOptions;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Opens the {@code images} of Train StyleGAN2 (a TIFF stack file, a folder of images) as training
 * data at the chosen resolution, normalised to [-1, 1] with the data's range kept. A SciJava plugin
 * ({@code @Plugin(type = TrainingDataLoader.class)}) so that the data library's reader plugs in
 * without the command knowing it; the command uses the highest-priority loader that {@link
 * #supports} the path.
 */
public interface TrainingDataLoader extends SciJavaPlugin {

    /** True when this loader reads {@code images} (by extension, or a folder). */
    boolean supports(Path images);

    /**
     * Reads every image, crops or pads to square and resizes to {@code resolution} by the loader's
     * stated policy.
     *
     * @throws IOException if the images cannot be read
     * @throws IllegalArgumentException if they cannot train (none, unreadable sizes), naming {@code
     *     images}
     */
    TrainingData load(Path images, int resolution) throws IOException;

    /**
     * Reads the images prepared by {@code options} (intensity mapping, sampling), with the label
     * image or mask {@code labels} (null if none); loaders that have no such choices ignore them
     * (the default).
     */
    default TrainingData load(Path images, int resolution, DataOptions options, Path labels)
            throws IOException {
        return load(images, resolution);
    }

    /**
     * Reads the images as {@link #load(Path, int, DataOptions, Path)} does, with the objects of
     * {@code rois} ({@link RoiSets}; null if none). Loaders that cannot place ROIs on their images
     * refuse them (the default).
     *
     * @throws IllegalArgumentException naming {@code rois} when they are given to such a loader
     */
    default TrainingData load(
            Path images,
            int resolution,
            DataOptions options,
            Path labels,
            List<RoiSets.RoiCentre> rois)
            throws IOException {
        if (rois != null) {
            throw new IllegalArgumentException(
                    "rois: the reader of images '"
                            + images
                            + "' cannot place ROIs on them; give a TIFF stack or a folder of"
                            + " images");
        }
        return load(images, resolution, options, labels);
    }
}
