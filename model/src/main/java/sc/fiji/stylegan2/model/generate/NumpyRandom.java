package sc.fiji.stylegan2.model.generate;

/**
 * numpy's legacy {@code np.random.RandomState(seed)}: the MT19937 generator (Matsumoto and
 * Nishimura 1998) seeded with {@code init_genrand}, doubles with 53 random bits, and the polar
 * Box–Muller Gaussian with its cached second value. The official StyleGAN tools draw z as {@code
 * RandomState(seed).randn(1, z_dim)}, so reproducing this bit for bit makes seed 42 here seed 42 of
 * a published model.
 */
public final class NumpyRandom {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasGauss;
    private double gauss;

    /** {@code RandomState(seed)} for a seed in 0 .. 2^32-1. */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next raw 32-bit output, as an unsigned value in a long. */
    public long nextUInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            int next = mt[(i + M) % N] ^ (y >>> 1);
            mt[i] = (y & 1) != 0 ? next ^ 0x9908b0df : next;
        }
        index = 0;
    }

    /** A double in [0, 1) from 53 random bits: {@code (a >> 5) * 2^26 + (b >> 6)) / 2^53}. */
    public double nextDouble() {
        long a = nextUInt32() >>> 5;
        long b = nextUInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** A standard normal value by the polar method, as numpy's {@code legacy_gauss}. */
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1, x2, r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * CorrectlyRoundedLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code randn(count)} in float64. */
    public double[] randn(int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = nextGaussian();
        }
        return out;
    }

    /** The official z for a seed: {@code RandomState(seed).randn(1, zDim)} cast to float32. */
    public static float[] z(long seed, int zDim) {
        double[] d = new NumpyRandom(seed).randn(zDim);
        float[] f = new float[zDim];
        for (int i = 0; i < zDim; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
