package sc.fiji.stylegan2.model.project;

import java.util.List;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * What a projection found.
 *
 * @param latents the best latents per image (ws in W+ form, with the optimised noise maps)
 * @param reconstruction their images in the generator's range, labelled as the targets
 * @param snapshots the current images every {@code save_every} steps, to watch the optimisation
 * @param bestLoss per image, the loss of {@code latents}
 * @param lossHistory per step, the mean over images of the loss (distance + weighted noise
 *     regularisation)
 * @param distanceHistory per step, the mean over images of the distance
 * @param stepsDone steps taken (fewer than asked when canceled)
 * @param canceled whether the user stopped it
 * @param secondsPerStep mean wall time per step
 */
public record ProjectionResult(
        Latents latents,
        PlanarImages reconstruction,
        List<Snapshot> snapshots,
        float[] bestLoss,
        double[] lossHistory,
        double[] distanceHistory,
        int stepsDone,
        boolean canceled,
        double secondsPerStep) {

    /**
     * The images after {@code step} steps.
     *
     * @param images {@code [N, C, res, res]} in the generator's range
     */
    public record Snapshot(int step, float[] images) {}
}
