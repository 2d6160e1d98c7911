package sc.fiji.stylegan2.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.latent.Latents;

/**
 * The latents of several images with one label each, as a {@link LatentSource} yields them: {@code
 * seed=3} for a seed's image, {@code <file name>[i]} for image i of a latent file.
 *
 * @param latents the per-layer latents {@code [count, num_ws, w_dim]}, with noise maps when known
 * @param labels one label per image
 */
public record LabeledLatents(Latents latents, List<String> labels) {

    public LabeledLatents {
        labels = List.copyOf(labels);
        if (labels.size() != latents.count()) {
            throw new IllegalArgumentException(
                    labels.size() + " labels for " + latents.count() + " images");
        }
    }

    /** The number of images. */
    public int count() {
        return latents.count();
    }

    /** The ws of image {@code i}: {@code [num_ws, w_dim]} in C order. */
    public float[] ws(int i) {
        int per = latents.numWs() * latents.wDim();
        return Arrays.copyOfRange(latents.ws(), i * per, (i + 1) * per);
    }

    /**
     * The parts as one batch, in order. When any part stores noise maps, every part gets a map in
     * each of the generator's noise layers (its own, else the model's {@code noise_const}), so that
     * each image keeps in the batch the noise it has alone with noise mode const.
     */
    public static LabeledLatents join(List<LabeledLatents> parts, ImageGenerator generator) {
        boolean anyNoise = parts.stream().anyMatch(p -> p.latents.hasNoise());
        Map<String, float[]> constNoise = anyNoise ? generator.constNoise() : Map.of();
        List<Latents> latents = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (LabeledLatents p : parts) {
            latents.add(anyNoise ? p.latents.withNoiseDefaults(constNoise) : p.latents);
            labels.addAll(p.labels);
        }
        return new LabeledLatents(Latents.concat(latents), labels);
    }
}
