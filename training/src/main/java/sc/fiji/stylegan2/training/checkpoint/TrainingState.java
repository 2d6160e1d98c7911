package sc.fiji.stylegan2.training.checkpoint;

/**
 * The counters of a run, saved in every checkpoint so that a resumed run continues exactly.
 *
 * @param curNimg real images shown to D so far
 * @param batchIdx minibatches done so far (drives the lazy-regularisation schedule and, with the seed, every
 *     random draw: this and the seed are the run's whole random state)
 * @param tick progress ticks done so far
 * @param plMean the path length running mean a
 * @param trainingSeconds wall-clock seconds spent training so far (for the ETA and the log)
 */
public record TrainingState(long curNimg, long batchIdx, long tick, double plMean, double trainingSeconds) {

    /** The state of a new run. */
    public static TrainingState initial() {
        return new TrainingState(0, 0, 0, 0, 0);
    }

    public double kimg() {
        return curNimg / 1000.0;
    }
}
