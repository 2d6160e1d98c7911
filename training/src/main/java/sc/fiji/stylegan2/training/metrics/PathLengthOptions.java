package sc.fiji.stylegan2.training.metrics;

import java.util.Locale;
import sc.fiji.stylegan2.model.explore.LatentSpace;

/**
 * How the perceptual path length is sampled, as the official {@code compute_ppl} (stylegan2-ada
 * {@code metrics/perceptual_path_length.py}): the space (Z by slerp, W by lerp), where on the path
 * ({@code full} or {@code end}), the step ε, the centre crop, the number of paths, the paths per
 * batch, and the seed of every random draw (z, t, class, noise).
 *
 * @param space Z (slerp of z, then the mapping) or W (lerp of the mapped ws)
 * @param sampling t ~ U(0, 1) or t = 0
 * @param epsilon the step between the two images of a pair (official 1e-4)
 * @param crop cut the centre as the official {@code crop=True} (rows 3/8..7/8, columns 2/8..6/8:
 *     the face of an FFHQ image) before measuring
 * @param samples number of paths (official 50,000 in stylegan2-ada, 100,000 in StyleGAN)
 * @param batchSize paths per batch (each batch draws one noise realisation for all its images)
 * @param seed seeds every draw, so the metric of a given network is reproducible
 * @param classIndex the class of a conditional generator's paths, or null to draw it per path
 *     (uniformly)
 */
public record PathLengthOptions(
        LatentSpace space,
        PathSampling sampling,
        double epsilon,
        boolean crop,
        int samples,
        int batchSize,
        long seed,
        Integer classIndex) {

    /** The official step between the two images of a pair. */
    public static final double EPSILON = 1e-4;

    /**
     * @throws IllegalArgumentException naming what is out of range
     */
    public PathLengthOptions {
        if (space == null || sampling == null) {
            throw new IllegalArgumentException("space and sampling must be set");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is not in (0, 1)");
        }
        if (samples < 2) {
            throw new IllegalArgumentException(
                    "num_samples " + samples + " is not valid: give 2 or more (e.g. 10000)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "batch_size " + batchSize + " is not valid: give 1 or more");
        }
    }

    /**
     * The options of an official metric name ({@code ppl_zfull}, {@code ppl_wfull}, {@code
     * ppl_zend}, {@code ppl_wend}), with ε = 1e-4 and no crop.
     *
     * @throws IllegalArgumentException when the name is none of these
     */
    public static PathLengthOptions ofMetric(String name, int samples, int batchSize, long seed) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!n.matches("ppl_[zw](full|end)")) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' is not a path length metric: give ppl_zfull, ppl_wfull,"
                            + " ppl_zend or ppl_wend");
        }
        LatentSpace space = n.charAt(4) == 'z' ? LatentSpace.Z : LatentSpace.W;
        PathSampling sampling = n.endsWith("full") ? PathSampling.FULL : PathSampling.END;
        return new PathLengthOptions(
                space, sampling, EPSILON, false, samples, batchSize, seed, null);
    }

    /** The official metric name of these options, e.g. {@code ppl_wend}. */
    public String metricName() {
        return "ppl_" + space.key() + sampling.name().toLowerCase(Locale.ROOT);
    }

    /** The same options with the centre crop on or off. */
    public PathLengthOptions withCrop(boolean on) {
        return new PathLengthOptions(
                space, sampling, epsilon, on, samples, batchSize, seed, classIndex);
    }

    /** The same options with every path in class {@code k} (null: a class drawn per path). */
    public PathLengthOptions withClass(Integer k) {
        return new PathLengthOptions(space, sampling, epsilon, crop, samples, batchSize, seed, k);
    }
}
