package sc.fiji.stylegan2.training.loop;

import java.nio.file.Path;
import sc.fiji.stylegan2.model.IntensityMapping;
import sc.fiji.stylegan2.model.generate.GeneratedImages;

/**
 * A checkpoint just written, with G_ema's images of the fixed seeds 0, 1, ... (constant noise, no
 * truncation; official {@code fakes*.png}) so that runs can be followed by eye.
 *
 * @param checkpoint the file written
 * @param kimg thousands of images at the snapshot
 * @param grid the images in the generator's [-1, 1] range, labelled {@code seed=S}; empty when the
 *     options ask for no grid
 * @param intensity maps the grid to the data's units
 * @param reason why it was written
 */
public record Snapshot(
        Path checkpoint,
        double kimg,
        GeneratedImages grid,
        IntensityMapping intensity,
        Reason reason) {

    /** Why a checkpoint was written. */
    public enum Reason {
        /** The first tick of a new run, then every {@code snapshot_kimg}. */
        SCHEDULED,
        /** The run reached its length. */
        FINISHED,
        /** The run was canceled or interrupted. */
        CANCELED
    }
}
