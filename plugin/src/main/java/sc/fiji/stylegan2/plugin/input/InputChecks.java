package sc.fiji.stylegan2.plugin.input;

import sc.fiji.stylegan2.model.generate.GenerateRequest;
import sc.fiji.stylegan2.model.generate.LatentSource;
import sc.fiji.stylegan2.model.generate.SeedList;

/**
 * Checks of the number parameters the commands share, with messages that name the key and say what
 * is valid (the same words in the Fiji dialog, a macro and the headless launcher).
 */
public final class InputChecks {

    private InputChecks() {}

    /** {@code truncation_psi}: any finite number ({@link GenerateRequest#requirePsi}). */
    public static double psi(double psi) {
        return GenerateRequest.requirePsi(psi);
    }

    /** {@code batch_size} of the generating commands ({@link GenerateRequest#requireBatchSize}). */
    public static int batchSize(int batchSize) {
        return GenerateRequest.requireBatchSize(batchSize);
    }

    /**
     * A count such as {@code batch_size}, {@code frames} or {@code samples}: at least {@code min}.
     */
    public static int atLeast(String key, int value, int min, String why) {
        if (value < min) {
            throw new IllegalArgumentException(
                    key + " " + value + " is not valid: give " + min + " or more" + why);
        }
        return value;
    }

    /** One seed, 0 .. 2^32-1 as numpy's RandomState takes it. */
    public static long seed(String key, long seed) {
        if (seed < 0 || seed > SeedList.MAX_SEED) {
            throw new IllegalArgumentException(
                    key + " " + seed + " is not valid: give a seed 0.." + SeedList.MAX_SEED);
        }
        return seed;
    }

    /** {@link #seed} as the source of a command's latent. */
    public static LatentSource seedSource(String key, long seed) {
        return LatentSource.seeds(key, seed(key, seed));
    }

    /** {@link #seeds} as the source of a command's latents. */
    public static LatentSource seedSource(String key, String text, int min) {
        return LatentSource.seeds(key, seeds(key, text, min));
    }

    /** A seed list with at least {@code min} seeds ({@code 0-7}, {@code 1,5,9}). */
    public static long[] seeds(String key, String text, int min) {
        long[] seeds = SeedList.parse(key, text);
        if (seeds.length < min) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + text
                            + "' gives "
                            + seeds.length
                            + " seed"
                            + (seeds.length == 1 ? "" : "s")
                            + ": give at least "
                            + min
                            + ", e.g. 0-3");
        }
        return seeds;
    }
}
