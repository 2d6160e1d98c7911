package sc.fiji.stylegan2.model.latent;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Per-layer latents of {@code count} images, {@code ws [count, num_ws, w_dim]} in C order (the W+
 * form; a latent of W has equal rows), optionally with the per-layer noise maps {@code noise[layer]
 * [count, R, R]} that replace {@code noise_const} (StyleGAN2 Sec. 5: the projector optimises both,
 * so both are needed to regenerate a projection exactly). Layer names are official ({@code
 * synthesis.b8.conv0}). Immutable.
 */
public record Latents(int count, int numWs, int wDim, float[] ws, Map<String, float[]> noise) {

    public Latents {
        if (count < 1 || numWs < 1 || wDim < 1) {
            throw new IllegalArgumentException("latents need count, num_ws and w_dim >= 1");
        }
        if (ws.length != (long) count * numWs * wDim) {
            throw new IllegalArgumentException(
                    "ws has "
                            + ws.length
                            + " values, expected ["
                            + count
                            + ", "
                            + numWs
                            + ", "
                            + wDim
                            + "]");
        }
        Map<String, float[]> copy = new LinkedHashMap<>();
        if (noise != null) {
            noise.forEach(
                    (layer, values) -> {
                        noiseResolution(layer, values.length, count);
                        copy.put(layer, values);
                    });
        }
        noise = Collections.unmodifiableMap(copy);
    }

    /** Latents without noise maps. */
    public Latents(int count, int numWs, int wDim, float[] ws) {
        this(count, numWs, wDim, ws, null);
    }

    /** True when noise maps are stored. */
    public boolean hasNoise() {
        return !noise.isEmpty();
    }

    /** The side R of a layer's noise maps. */
    public int noiseResolution(String layer) {
        return noiseResolution(layer, noise.get(layer).length, count);
    }

    private static int noiseResolution(String layer, int length, int count) {
        int perImage = length / count;
        int r = (int) Math.round(Math.sqrt(perImage));
        if (perImage * count != length || r * r != perImage) {
            throw new IllegalArgumentException(
                    "noise map "
                            + layer
                            + " has "
                            + length
                            + " values, not "
                            + count
                            + " square maps");
        }
        return r;
    }

    /** Images {@code [from, to)}. */
    public Latents slice(int from, int to) {
        if (from < 0 || to > count || from >= to) {
            throw new IllegalArgumentException("no images [" + from + ", " + to + ") in " + count);
        }
        int per = numWs * wDim;
        Map<String, float[]> n = new LinkedHashMap<>();
        noise.forEach(
                (layer, v) -> {
                    int size = v.length / count;
                    n.put(layer, Arrays.copyOfRange(v, from * size, to * size));
                });
        return new Latents(to - from, numWs, wDim, Arrays.copyOfRange(ws, from * per, to * per), n);
    }

    /**
     * The images of several latents in order; noise maps are kept only when every part has the same
     * layers.
     */
    public static Latents concat(List<Latents> parts) {
        Latents first = parts.get(0);
        int count = parts.stream().mapToInt(Latents::count).sum();
        float[] ws = new float[count * first.numWs * first.wDim];
        int at = 0;
        boolean sameNoise = true;
        for (Latents p : parts) {
            if (p.numWs != first.numWs || p.wDim != first.wDim) {
                throw new IllegalArgumentException("latents of different shapes cannot be joined");
            }
            System.arraycopy(p.ws, 0, ws, at, p.ws.length);
            at += p.ws.length;
            sameNoise &= p.noise.keySet().equals(first.noise.keySet());
        }
        Map<String, float[]> noise = new LinkedHashMap<>();
        if (sameNoise) {
            for (String layer : first.noise.keySet()) {
                float[] all =
                        new float[parts.stream().mapToInt(p -> p.noise.get(layer).length).sum()];
                int off = 0;
                for (Latents p : parts) {
                    float[] v = p.noise.get(layer);
                    System.arraycopy(v, 0, all, off, v.length);
                    off += v.length;
                }
                noise.put(layer, all);
            }
        }
        return new Latents(count, first.numWs, first.wDim, ws, noise);
    }

    /**
     * These latents with a noise map in each of the given layers: their own where they have one,
     * else the given map {@code [R, R]} for every image. Latents with and without stored maps can
     * then share one batch: given the model's {@code noise_const}, an image without maps gets what
     * noise mode const gives it anyway. Layers of these latents that are not given stay as they
     * are.
     */
    public Latents withNoiseDefaults(Map<String, float[]> maps) {
        Map<String, float[]> all = new LinkedHashMap<>();
        maps.forEach(
                (layer, map) -> {
                    float[] own = noise.get(layer);
                    if (own == null) {
                        own = new float[count * map.length];
                        for (int i = 0; i < count; i++) {
                            System.arraycopy(map, 0, own, i * map.length, map.length);
                        }
                    }
                    all.put(layer, own);
                });
        noise.forEach(all::putIfAbsent);
        return new Latents(count, numWs, wDim, ws, all);
    }

    /**
     * Checks that these latents fit a generator: {@code num_ws} and {@code w_dim}, and every noise
     * map names a synthesis layer of the right resolution.
     *
     * @param what the latents for messages: the parameter key and file, e.g. {@code latent_file
     *     cell_w.npz}
     * @param layerResolutions the generator's noise layers and their resolutions
     * @throws IllegalArgumentException naming {@code what}, both shapes and what to do
     */
    public void requireFits(
            GeneratorConfig cfg, Map<String, Integer> layerResolutions, String what) {
        if (numWs != cfg.numWs() || wDim != cfg.wDim()) {
            throw new IllegalArgumentException(
                    what
                            + " holds latents [N, num_ws, w_dim] = ["
                            + count
                            + ", "
                            + numWs
                            + ", "
                            + wDim
                            + "], but this model needs [N, "
                            + cfg.numWs()
                            + ", "
                            + cfg.wDim()
                            + "]: latents fit"
                            + " only the model they were made with; use that model, or project the image again with this one");
        }
        for (String layer : noise.keySet()) {
            Integer r = layerResolutions.get(layer);
            if (r == null || r != noiseResolution(layer)) {
                throw new IllegalArgumentException(
                        what
                                + ": noise map "
                                + layer
                                + " ("
                                + noiseResolution(layer)
                                + " px) does not fit this model"
                                + (r == null ? " (no such layer)" : " (" + r + " px)")
                                + "; use the model the latents were made with");
            }
        }
    }
}
