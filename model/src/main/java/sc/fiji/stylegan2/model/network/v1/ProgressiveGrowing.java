package sc.fiji.stylegan2.model.network.v1;

/**
 * A network with ProGAN's level of detail (Karras et al. 2018, Sec. 3): {@code lod = 0} is the full
 * resolution, {@code lod = k} works at {@code res / 2^k}, and a fractional {@code lod = k + t}
 * fades the resolution {@code res / 2^k} in: its output is blended with the next lower resolution's
 * by {@code t} (official {@code lod_in}, the "linear" structure's {@code lerp_clip}).
 */
public interface ProgressiveGrowing {

    /** The current level of detail, from 0 to {@link #maxLod()}. */
    double lod();

    /**
     * Sets the level of detail.
     *
     * @throws IllegalArgumentException outside 0 … {@link #maxLod()}
     */
    void setLod(double lod);

    /** The coarsest level: 4×4, {@code log2(res) − 2}. */
    int maxLod();

    /** Refuses a lod outside {@code 0 … maxLod}. */
    static double check(double lod, int maxLod) {
        if (!(lod >= 0 && lod <= maxLod)) {
            throw new IllegalArgumentException(
                    "lod must be between 0 and " + maxLod + ", got " + lod);
        }
        return lod;
    }
}
