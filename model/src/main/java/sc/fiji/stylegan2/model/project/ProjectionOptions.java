package sc.fiji.stylegan2.model.project;

import java.nio.file.Path;

/**
 * How to project (StyleGAN2 Sec. 5, appendix D). Defaults are the official projector's; build with
 * {@link #builder()}.
 *
 * @param space W (the paper's) or W+
 * @param numSteps optimisation steps (official 1000)
 * @param learningRate the learning-rate schedule
 * @param wNoise the schedule of the noise added to w
 * @param noiseWeight weight of the noise regularisation (official 1e5)
 * @param optimizeNoise optimise the per-layer noise maps too (official: yes)
 * @param noiseStart where the noise maps start
 * @param wAvgSamples z samples for w_avg and σ_w (official 10000)
 * @param distance what is minimised
 * @param featureNetwork the TorchScript file of {@link DistanceKind#LPIPS}, or null
 * @param saveEvery keep a snapshot image every this many steps; 0 for none
 * @param seed seeds the initial noise maps, the w noise and the w statistics
 */
public record ProjectionOptions(
        ProjectionSpace space,
        int numSteps,
        LearningRateSchedule learningRate,
        NoiseStrengthSchedule wNoise,
        double noiseWeight,
        boolean optimizeNoise,
        NoiseStart noiseStart,
        int wAvgSamples,
        DistanceKind distance,
        Path featureNetwork,
        int saveEvery,
        long seed) {

    public ProjectionOptions {
        if (numSteps < 1) {
            throw new IllegalArgumentException("num_steps must be >= 1, got " + numSteps);
        }
        if (saveEvery < 0) {
            throw new IllegalArgumentException(
                    "save_every must be >= 0 (0: no optimisation stack), got " + saveEvery);
        }
        if (wAvgSamples < 1) {
            throw new IllegalArgumentException("w_avg samples must be >= 1, got " + wAvgSamples);
        }
        if (!(noiseWeight >= 0)) {
            throw new IllegalArgumentException(
                    "noise regularisation weight must be >= 0, got " + noiseWeight);
        }
        if (space == null
                || distance == null
                || learningRate == null
                || wNoise == null
                || noiseStart == null) {
            throw new IllegalArgumentException(
                    "space, distance, noise start and schedules are required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder with the official defaults (W, 1000 steps, noise maps optimised) and the built-in
     * distance, noise maps starting at noise_const, no snapshots, seed 0.
     */
    public static final class Builder {
        private ProjectionSpace space = ProjectionSpace.W;
        private int numSteps = 1000;
        private LearningRateSchedule learningRate = LearningRateSchedule.OFFICIAL;
        private NoiseStrengthSchedule wNoise = NoiseStrengthSchedule.OFFICIAL;
        private double noiseWeight = NoiseRegularization.OFFICIAL_WEIGHT;
        private boolean optimizeNoise = true;
        private NoiseStart noiseStart = NoiseStart.CONST;
        private int wAvgSamples = WStatistics.OFFICIAL_SAMPLES;
        private DistanceKind distance = DistanceKind.DISCRIMINATOR_MSE;
        private Path featureNetwork;
        private int saveEvery;
        private long seed;

        public Builder optSpace(ProjectionSpace v) {
            space = v;
            return this;
        }

        public Builder optNumSteps(int v) {
            numSteps = v;
            return this;
        }

        public Builder optLearningRate(LearningRateSchedule v) {
            learningRate = v;
            return this;
        }

        public Builder optWNoise(NoiseStrengthSchedule v) {
            wNoise = v;
            return this;
        }

        public Builder optNoiseWeight(double v) {
            noiseWeight = v;
            return this;
        }

        public Builder optOptimizeNoise(boolean v) {
            optimizeNoise = v;
            return this;
        }

        public Builder optNoiseStart(NoiseStart v) {
            noiseStart = v;
            return this;
        }

        public Builder optWAvgSamples(int v) {
            wAvgSamples = v;
            return this;
        }

        public Builder optDistance(DistanceKind v) {
            distance = v;
            return this;
        }

        public Builder optFeatureNetwork(Path v) {
            featureNetwork = v;
            return this;
        }

        public Builder optSaveEvery(int v) {
            saveEvery = v;
            return this;
        }

        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        public ProjectionOptions build() {
            return new ProjectionOptions(
                    space,
                    numSteps,
                    learningRate,
                    wNoise,
                    noiseWeight,
                    optimizeNoise,
                    noiseStart,
                    wAvgSamples,
                    distance,
                    featureNetwork,
                    saveEvery,
                    seed);
        }
    }
}
