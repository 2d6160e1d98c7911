package sc.fiji.stylegan2.model.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an interpolation through several seeds: each seed's own frame, with {@code between} frames
 * between each pair at {@code t = j / (between + 1)}, and the last seed's frame at the end, so
 * {@code (seeds - 1) * (between + 1) + 1} frames in all. Labels: {@code seed=3} for a seed's frame,
 * {@code seed=3>7 t=0.250} for a frame between seeds 3 and 7.
 */
public final class InterpolationPath {

    /** One frame: between key {@code from} and key {@code from + 1} at fraction {@code t} (0 = the key). */
    public record Frame(int from, double t, String label) {}

    private InterpolationPath() {}

    /**
     * @param seeds the seeds in order (at least two)
     * @param between frames between each pair (at least one)
     */
    public static List<Frame> of(long[] seeds, int between) {
        if (seeds.length < 2) {
            throw new IllegalArgumentException("need at least two seeds to interpolate, got " + seeds.length);
        }
        if (between < 1) {
            throw new IllegalArgumentException("need at least one frame between seeds, got " + between);
        }
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k + 1 < seeds.length; k++) {
            frames.add(new Frame(k, 0, "seed=" + seeds[k]));
            for (int j = 1; j <= between; j++) {
                double t = (double) j / (between + 1);
                frames.add(new Frame(k, t, String.format(java.util.Locale.ROOT, "seed=%d>%d t=%.3f", seeds[k],
                        seeds[k + 1], t)));
            }
        }
        frames.add(new Frame(seeds.length - 1, 0, "seed=" + seeds[seeds.length - 1]));
        return frames;
    }

    /**
     * Interpolates the key vectors along the path: {@code keys[k]} is seed k's vector (a z, or a whole
     * flattened ws), the result the frames' vectors one after another.
     */
    public static float[] interpolate(List<Frame> frames, float[][] keys, LatentSpace space) {
        int len = keys[0].length;
        float[] out = new float[frames.size() * len];
        for (int f = 0; f < frames.size(); f++) {
            Frame frame = frames.get(f);
            float[] v = frame.t() == 0 ? keys[frame.from()]
                    : space == LatentSpace.Z ? LatentInterpolation.slerp(keys[frame.from()], keys[frame.from() + 1], frame.t())
                    : LatentInterpolation.lerp(keys[frame.from()], keys[frame.from() + 1], frame.t());
            System.arraycopy(v, 0, out, f * len, len);
        }
        return out;
    }
}
