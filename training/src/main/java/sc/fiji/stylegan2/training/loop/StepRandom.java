package sc.fiji.stylegan2.training.loop;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;

/**
 * The random source of one minibatch, derived from the run's seed and the minibatch index alone, so
 * that a run resumed from a checkpoint draws exactly what the uninterrupted run would have drawn.
 * It reseeds libtorch's generator (latents, noise inputs, path length noise) and gives a Java
 * generator for the host-side draws (style-mixing crossover).
 *
 * <p>Deviation: the official loop draws from one long stream whose state it does not save (its
 * resume restarts the RNG); reseeding per minibatch keeps the statistics and makes resume exact.
 */
public final class StepRandom {

    private StepRandom() {}

    /**
     * Reseeds libtorch for minibatch {@code batchIdx} and returns the host generator of that
     * minibatch.
     */
    public static SplittableRandom forMinibatch(long seed, long batchIdx) {
        long mixed = mix(mix(seed) + batchIdx);
        SplittableRandom random = new SplittableRandom(mixed);
        Engine.getInstance().setRandomSeed(random.nextInt());
        return random;
    }

    /** A 64-bit finaliser (SplitMix64) so that neighbouring indices give unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
