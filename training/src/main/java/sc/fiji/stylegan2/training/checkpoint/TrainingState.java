package sc.fiji.stylegan2.training.checkpoint;

import sc.fiji.stylegan2.training.data.AdaptiveAugment;

/**
 * The counters of a run, saved in every checkpoint so that a resumed run continues exactly.
 *
 * @param curNimg real images shown to D so far
 * @param batchIdx minibatches done so far (drives the lazy-regularisation schedule and, with the
 *     seed, every random draw: this and the seed are the run's whole random state)
 * @param tick progress ticks done so far
 * @param plMean the path length running mean a
 * @param trainingSeconds wall-clock seconds spent training so far (for the ETA and the log)
 * @param augment the augmentation probability p and the ADA heuristic's signs since its last
 *     adjustment
 */
public record TrainingState(
        long curNimg,
        long batchIdx,
        long tick,
        double plMean,
        double trainingSeconds,
        AdaptiveAugment.State augment) {

    /** The state of a new run whose augmentation starts at probability {@code augmentP}. */
    public static TrainingState initial(double augmentP) {
        return new TrainingState(0, 0, 0, 0, 0, AdaptiveAugment.State.initial(augmentP));
    }

    public double kimg() {
        return curNimg / 1000.0;
    }
}
