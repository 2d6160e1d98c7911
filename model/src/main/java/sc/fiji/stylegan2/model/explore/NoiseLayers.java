package sc.fiji.stylegan2.model.explore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import sc.fiji.stylegan2.model.network.Generator;

/**
 * Which synthesis layers receive per-pixel noise (StyleGAN paper, Karras et al. 2019, Sec. 3.2,
 * Fig. 5: noise in all layers, none, fine layers only, coarse layers only). The groups are those of
 * {@link StyleGroup}, relative to the model's depth below 64 px; for a model of 64 px or more Fig.
 * 5's "coarse" (4²–32²) is {@code coarse+middle} here, its "fine" (64²–1024²) is {@code fine}. Only
 * the modulated 3x3 convolutions have noise inputs; toRGB has none.
 *
 * @param layers the names of the noisy layers ({@code synthesis.b64.conv0}, ...) in forward order
 * @param resolutions their resolutions, same order
 */
public record NoiseLayers(List<String> layers, List<Integer> resolutions) {

    public NoiseLayers {
        layers = List.copyOf(layers);
        resolutions = List.copyOf(resolutions);
    }

    /**
     * Parses {@code all}, {@code none}, or groups joined by {@code +} or {@code ,} ({@code coarse},
     * {@code middle}, {@code fine}, {@code coarse+middle}).
     *
     * @param key the parameter key for messages, e.g. {@code noise_layers}
     * @throws IllegalArgumentException naming the key and what is valid, also when the groups
     *     select no layer of this model
     */
    public static NoiseLayers parse(String key, String text, Generator generator) {
        String valid =
                "use all, none, coarse, middle, fine or groups joined by + (e.g. coarse+middle)";
        String t = text == null ? "" : text.trim();
        Set<StyleGroup> groups = EnumSet.noneOf(StyleGroup.class);
        if (t.equalsIgnoreCase("all")) {
            groups = EnumSet.allOf(StyleGroup.class);
        } else if (!t.equalsIgnoreCase("none")) {
            for (String part : t.split("[,+]")) {
                StyleGroup g = part.isBlank() ? null : StyleGroup.byKey(part);
                if (g == null) {
                    throw new IllegalArgumentException(
                            key + " '" + text + "' is not valid: " + valid);
                }
                groups.add(g);
            }
        }
        NoiseLayers selected = of(generator, groups);
        if (selected.layers.isEmpty() && !groups.isEmpty()) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + text
                            + "' selects no layer of this "
                            + generator.config().resolution()
                            + " px model ("
                            + groups.stream()
                                    .map(
                                            g ->
                                                    g.key()
                                                            + " = "
                                                            + g.resolutions(
                                                                    generator
                                                                            .config()
                                                                            .resolution()))
                                    .collect(Collectors.joining(", "))
                            + "); "
                            + valid);
        }
        return selected;
    }

    /** The synthesis layers whose resolution is in one of the groups. */
    public static NoiseLayers of(Generator generator, Set<StyleGroup> groups) {
        List<String> names = new ArrayList<>();
        List<Integer> res = new ArrayList<>();
        int modelResolution = generator.config().resolution();
        for (Map.Entry<String, Integer> layer : generator.noiseLayers().entrySet()) {
            if (groups.stream().anyMatch(g -> g.contains(layer.getValue(), modelResolution))) {
                names.add(layer.getKey());
                res.add(layer.getValue());
            }
        }
        return new NoiseLayers(names, res);
    }

    /** For {@code SynthesisOptions.withNoiseLayers}: true for the noisy layers. */
    public Predicate<String> predicate() {
        Set<String> set = Set.copyOf(layers);
        return set::contains;
    }
}
