package sc.fiji.stylegan2.training;

import ai.djl.ndarray.NDArray;
import sc.fiji.stylegan2.model.network.v1.Resample;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * Progressive growing's schedule (ProGAN, Karras et al. 2018, Sec. 3; official NVlabs/stylegan
 * {@code training_loop.TrainingSchedule}): training starts at {@code initialResolution}; each phase
 * trains a resolution for {@code trainingKimg}, then fades the next one in over {@code
 * transitionKimg} (the level of detail {@code lod} falls linearly by 1), until the full resolution
 * (lod 0). Lower resolutions are cheaper, so they train with larger minibatches.
 *
 * @param initialResolution the first training resolution (official StyleGAN: 8)
 * @param trainingKimg thousands of real images per resolution before the next fades in (600)
 * @param transitionKimg thousands of real images of each fade-in (600)
 * @param maxBatchFactor the most a minibatch grows at a low resolution: the batch at {@code res /
 *     2^k} is {@code batch · min(2^k, maxBatchFactor)}. Deviation: the official minibatch table
 *     ({@code 4: 512, ... 64: 32}, 16×) is for 8 GPUs; on a CPU 4× keeps the low-resolution phases
 *     within the memory of the full-resolution one
 */
public record GrowingSchedule(
        int initialResolution, double trainingKimg, double transitionKimg, int maxBatchFactor) {

    public GrowingSchedule {
        if (initialResolution < 4 || Integer.bitCount(initialResolution) != 1) {
            throw new IllegalArgumentException(
                    "the initial resolution must be a power of two from 4, got "
                            + initialResolution);
        }
        if (!(trainingKimg > 0) || !(transitionKimg >= 0)) {
            throw new IllegalArgumentException(
                    "lod_kimg must be > 0, got " + trainingKimg + " and " + transitionKimg);
        }
        if (maxBatchFactor < 1) {
            throw new IllegalArgumentException("the batch factor must be >= 1");
        }
    }

    /** The official StyleGAN schedule: from 8×8, 600 kimg per phase and per fade-in. */
    public static GrowingSchedule official() {
        return new GrowingSchedule(8, 600, 600, 4);
    }

    /** The same schedule with phases and fade-ins of {@code kimg} each. */
    public GrowingSchedule withPhaseKimg(double kimg) {
        return new GrowingSchedule(initialResolution, kimg, kimg, maxBatchFactor);
    }

    /**
     * The level of detail after {@code nimg} real images at full resolution {@code resolution}:
     * {@code log2(res) − log2(initial) − phase − max(phase_kimg − training_kimg, 0) /
     * transition_kimg}, at least 0.
     */
    public double lod(long nimg, int resolution) {
        double kimg = nimg / 1000.0;
        double phaseDur = trainingKimg + transitionKimg;
        long phase = (long) Math.floor(kimg / phaseDur);
        double phaseKimg = kimg - phase * phaseDur;
        double lod = log2(resolution) - log2(Math.min(initialResolution, resolution)) - phase;
        if (transitionKimg > 0) {
            lod -= Math.max(phaseKimg - trainingKimg, 0) / transitionKimg;
        }
        return Math.max(lod, 0);
    }

    /** The minibatch at this lod: {@code batch · min(2^floor(lod), maxBatchFactor)}. */
    public int batchSize(int batch, double lod) {
        return batch * Math.min(1 << (int) Math.floor(lod), maxBatchFactor);
    }

    /**
     * Real images {@code [N, C, res, res]} as the networks see them at this lod (official {@code
     * process_reals}): averaged down by {@code 2^k}, cross-faded by t with their own 2× coarser
     * version, and repeated back up to the full size.
     */
    public static NDArray realsAt(NDArray reals, double lod) {
        int k = (int) Math.floor(lod);
        double t = lod - k;
        NDArray x = Resample.downscale(reals, 1 << k);
        if (t > 0) {
            NDArray y = Resample.upscale(Resample.downscale(x, 2), 2);
            // lerp(x, y, t) = x + (y − x)·t
            x = x.add(Scalars.mul(y.sub(x), t));
        }
        return Resample.upscale(x, 1 << k);
    }

    private static int log2(int v) {
        return Integer.numberOfTrailingZeros(v);
    }
}
