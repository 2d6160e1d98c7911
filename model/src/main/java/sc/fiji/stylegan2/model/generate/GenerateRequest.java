package sc.fiji.stylegan2.model.generate;

import java.util.Arrays;
import sc.fiji.stylegan2.model.NoiseMode;
import sc.fiji.stylegan2.model.OutputRange;

/**
 * What to generate: one image per seed, with truncation (StyleGAN paper, Sec. 3.3: {@code w' =
 * w_avg + psi (w - w_avg)} on the first {@code truncationCutoff} layers, all when null), a noise
 * mode and an output range, and for a conditional model the class of every image ({@code c}
 * one-hot, as the official {@code generate.py --class}). Immutable; build with {@link
 * #builder(long...)}.
 *
 * @param classIndex the class of a conditional model's images, or null for an unconditional model
 *     (checked against the model by {@link ClassLabels#require} when generating)
 */
public record GenerateRequest(
        long[] seeds,
        double truncationPsi,
        Integer truncationCutoff,
        NoiseMode noiseMode,
        OutputRange outputRange,
        int batchSize,
        Integer classIndex) {

    public GenerateRequest {
        if (seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("seeds: give at least one seed, e.g. 0-7");
        }
        requirePsi(truncationPsi);
        if (truncationCutoff != null && truncationCutoff < 0) {
            throw new IllegalArgumentException("truncation_cutoff must be >= 0 (number of layers)");
        }
        requireBatchSize(batchSize);
        if (classIndex != null && classIndex < 0) {
            throw new IllegalArgumentException(
                    ClassLabels.KEY
                            + " "
                            + classIndex
                            + " is not valid: give a class"
                            + " index 0 or more");
        }
        seeds = seeds.clone();
    }

    /** {@code truncation_psi}: any finite number (1 = no truncation). */
    public static double requirePsi(double psi) {
        if (!Double.isFinite(psi)) {
            throw new IllegalArgumentException(
                    "truncation_psi " + psi + " is not valid: give a finite number, e.g. 0.7 or 1");
        }
        return psi;
    }

    /** {@code batch_size}: images generated at once, 1 or more. */
    public static int requireBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "batch_size " + batchSize + " is not valid: give 1 or more");
        }
        return batchSize;
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    public static Builder builder(long... seeds) {
        return new Builder(seeds);
    }

    @Override
    public String toString() {
        return "GenerateRequest[seeds="
                + Arrays.toString(seeds)
                + ", psi="
                + truncationPsi
                + ", cutoff="
                + truncationCutoff
                + ", noise="
                + noiseMode
                + ", range="
                + outputRange
                + ", batch="
                + batchSize
                + (classIndex == null ? "" : ", class=" + classIndex)
                + "]";
    }

    /**
     * Builder with the official generate script's defaults: psi 1, no cutoff, const noise, batch 8.
     */
    public static final class Builder {
        private final long[] seeds;
        private double truncationPsi = 1.0;
        private Integer truncationCutoff;
        private NoiseMode noiseMode = NoiseMode.CONST;
        private OutputRange outputRange = OutputRange.MODEL;
        private int batchSize = 8;
        private Integer classIndex;

        private Builder(long[] seeds) {
            this.seeds = seeds;
        }

        public Builder optTruncationPsi(double psi) {
            this.truncationPsi = psi;
            return this;
        }

        public Builder optTruncationCutoff(Integer cutoff) {
            this.truncationCutoff = cutoff;
            return this;
        }

        public Builder optNoiseMode(NoiseMode mode) {
            this.noiseMode = mode;
            return this;
        }

        public Builder optOutputRange(OutputRange range) {
            this.outputRange = range;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The class of a conditional model's images; null (the default) for an unconditional model.
         */
        public Builder optClassIndex(Integer classIndex) {
            this.classIndex = classIndex;
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(
                    seeds,
                    truncationPsi,
                    truncationCutoff,
                    noiseMode,
                    outputRange,
                    batchSize,
                    classIndex);
        }
    }
}
