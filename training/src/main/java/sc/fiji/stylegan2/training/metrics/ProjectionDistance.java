package sc.fiji.stylegan2.training.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import sc.fiji.stylegan2.model.ProgressListener;
import sc.fiji.stylegan2.model.StyleGAN2Model;
import sc.fiji.stylegan2.model.image.PlanarImages;
import sc.fiji.stylegan2.model.project.BatchProgress;
import sc.fiji.stylegan2.model.project.ProjectionResult;
import sc.fiji.stylegan2.model.project.Projector;
import sc.fiji.stylegan2.training.data.TrainingData;

/**
 * Generated versus real images by projection (StyleGAN2 Sec. 5, Fig. 10, the paper's image
 * forensics): N images the model generated and N real ones are projected into its latent space
 * ({@link Projector}), and each target's perceptual distance to its projection is measured ({@link
 * PerceptualDistance}, the LPIPS distance with the LPIPS network). Generated images come back
 * almost exactly, real ones do not; {@link ProjectionSeparation} and {@link DistanceHistogram}
 * summarise the two sets. The targets of both sets are projected together, {@code batchSize} at a
 * time, as the projection benchmark does; each image's optimisation is independent of the rest of
 * its batch.
 *
 * <p>Deviation: the reconstructions are clamped to [-1, 1] before measuring, as the generated
 * targets are (and as FD and KID treat generated images), so both sides of a distance lie in the
 * same range.
 */
public final class ProjectionDistance {

    /**
     * The distances of one measurement.
     *
     * @param generated per generated target, its distance to its projection
     * @param real per real target, its distance to its projection
     * @param seconds wall time
     */
    public record Result(double[] generated, double[] real, double seconds) {}

    private final Projector projector;
    private final PerceptualDistance distance;

    /**
     * @param projector projects the targets (its options say the space, steps and distance it
     *     minimises)
     * @param distance the distance measured between a target and its projection
     */
    public ProjectionDistance(Projector projector, PerceptualDistance distance) {
        this.projector = projector;
        this.distance = distance;
    }

    /**
     * {@code n} images of {@code data} (all when fewer) chosen with {@code seed} as {@link
     * Evaluator} chooses its real images, as targets.
     */
    public static PlanarImages realTargets(TrainingData data, int n, long seed) {
        int count = Math.min(n, data.size());
        int c = data.channels(), res = data.resolution(), per = c * res * res;
        float[] images = new float[count * per];
        int[] pick = Evaluator.sample(data.size(), count, new Random(seed));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.copyImage(pick[i], images, i * per);
            labels.add("real " + pick[i]);
        }
        return new PlanarImages(images, count, c, res, res, labels);
    }

    /**
     * Projects both sets and measures every target's distance to its projection.
     *
     * @param generated the model's images, in [-1, 1]
     * @param real real images as the model's training data, in [-1, 1]
     * @return the distances, or null when {@code progress} was canceled first
     */
    public Result measure(
            StyleGAN2Model model,
            PlanarImages generated,
            PlanarImages real,
            int batchSize,
            ProgressListener progress) {
        long start = System.nanoTime();
        PlanarImages targets = generated.concat(real);
        double[] d = new double[targets.count()];
        for (int done = 0; done < targets.count(); ) {
            if (progress.isCanceled()) {
                return null;
            }
            int b = Math.min(batchSize, targets.count() - done);
            PlanarImages batch = targets.slice(done, done + b);
            ProjectionResult r =
                    projector.project(
                            batch,
                            BatchProgress.of(
                                    progress,
                                    done,
                                    b,
                                    targets.count(),
                                    projector.options().numSteps(),
                                    "projection_distance: ",
                                    "targets"));
            if (r.canceled()) {
                return null;
            }
            double[] batchDistances = distances(batch, r.reconstruction(), model);
            System.arraycopy(batchDistances, 0, d, done, b);
            done += b;
        }
        int n = generated.count();
        return new Result(
                Arrays.copyOf(d, n),
                Arrays.copyOfRange(d, n, d.length),
                (System.nanoTime() - start) / 1e9);
    }

    /** d between each target and its reconstruction: one feature batch [targets; projections]. */
    private double[] distances(
            PlanarImages targets, PlanarImages reconstruction, StyleGAN2Model model) {
        float[] pairs = Arrays.copyOf(targets.data(), 2 * targets.data().length);
        float[] x = reconstruction.data();
        for (int i = 0; i < x.length; i++) {
            pairs[targets.data().length + i] = Math.max(-1f, Math.min(1f, x[i]));
        }
        return distance.pairs(
                pairs, targets.count(), targets.channels(), model.config().resolution(), false);
    }
}
