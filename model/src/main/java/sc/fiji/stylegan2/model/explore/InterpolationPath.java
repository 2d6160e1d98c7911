package sc.fiji.stylegan2.model.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * The frames of an interpolation through several keys (seeds or latents from files): each key's own
 * frame, with {@code between} frames between each pair at {@code t = j / (between + 1)}, and the
 * last key's frame at the end, so {@code (keys - 1) * (between + 1) + 1} frames in all. Labels: the
 * key's label for its frame ({@code seed=3}, {@code cell_w.npz[0]}), and the pair's for a frame
 * between ({@code seed=3>7 t=0.250}, {@code cell_w.npz[0]>seed=7 t=0.250}).
 */
public final class InterpolationPath {

    private static final String SEED = "seed=";

    /**
     * One frame: between key {@code from} and key {@code from + 1} at fraction {@code t} (0 = the
     * key).
     */
    public record Frame(int from, double t, String label) {}

    private InterpolationPath() {}

    /**
     * @param keys the keys' labels in order (at least two)
     * @param between frames between each pair (at least one)
     */
    public static List<Frame> of(List<String> keys, int between) {
        if (keys.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least two keys to interpolate, got " + keys.size());
        }
        if (between < 1) {
            throw new IllegalArgumentException(
                    "need at least one frame between keys, got " + between);
        }
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k + 1 < keys.size(); k++) {
            frames.add(new Frame(k, 0, keys.get(k)));
            for (int j = 1; j <= between; j++) {
                double t = (double) j / (between + 1);
                frames.add(
                        new Frame(
                                k,
                                t,
                                String.format(
                                        Locale.ROOT,
                                        "%s t=%.3f",
                                        pairLabel(keys.get(k), keys.get(k + 1)),
                                        t)));
            }
        }
        frames.add(new Frame(keys.size() - 1, 0, keys.get(keys.size() - 1)));
        return frames;
    }

    /** {@code a>b}; two seeds share their prefix: {@code seed=3>7}. */
    private static String pairLabel(String a, String b) {
        return a.startsWith(SEED) && b.startsWith(SEED)
                ? a + ">" + b.substring(SEED.length())
                : a + ">" + b;
    }

    /**
     * Interpolates the key vectors along the path: {@code keys[k]} is key k's vector (a z, or a
     * whole flattened ws), the result the frames' vectors one after another.
     */
    public static float[] interpolate(List<Frame> frames, float[][] keys, LatentSpace space) {
        int len = keys[0].length;
        float[] out = new float[frames.size() * len];
        for (int f = 0; f < frames.size(); f++) {
            Frame frame = frames.get(f);
            float[] v =
                    frame.t() == 0
                            ? keys[frame.from()]
                            : space == LatentSpace.Z
                                    ? LatentInterpolation.slerp(
                                            keys[frame.from()], keys[frame.from() + 1], frame.t())
                                    : LatentInterpolation.lerp(
                                            keys[frame.from()], keys[frame.from() + 1], frame.t());
            System.arraycopy(v, 0, out, f * len, len);
        }
        return out;
    }

    /**
     * The frames' latents in W: the keys' ws lerped, and their noise maps too when the keys have
     * them (a key's frame keeps its own maps exactly; between two different maps the lerp is
     * smooth, with weaker texture mid-way than either end, since the average of independent noise
     * has less variance).
     *
     * @param keys one image per key
     */
    public static Latents interpolate(List<Frame> frames, Latents keys) {
        if (frames.get(frames.size() - 1).from() != keys.count() - 1) {
            throw new IllegalArgumentException(
                    "the path has "
                            + (frames.get(frames.size() - 1).from() + 1)
                            + " keys, the latents "
                            + keys.count());
        }
        float[] ws = interpolate(frames, perImage(keys.ws(), keys.count()), LatentSpace.W);
        Map<String, float[]> noise = new LinkedHashMap<>();
        keys.noise()
                .forEach(
                        (layer, maps) ->
                                noise.put(
                                        layer,
                                        interpolate(
                                                frames,
                                                perImage(maps, keys.count()),
                                                LatentSpace.W)));
        return new Latents(frames.size(), keys.numWs(), keys.wDim(), ws, noise);
    }

    /** A batch's values split per image. */
    private static float[][] perImage(float[] values, int count) {
        int per = values.length / count;
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = Arrays.copyOfRange(values, i * per, (i + 1) * per);
        }
        return out;
    }
}
