package sc.fiji.stylegan2.model.explore;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names of the synthesis layers as users type them: the official name without its network prefix
 * ({@code b64.conv1} for {@code synthesis.b64.conv1}), the full name also accepted, case ignored.
 */
public final class LayerNames {

    private static final String PREFIX = "synthesis.";

    private LayerNames() {}

    /** The short name: {@code synthesis.b64.conv1} → {@code b64.conv1}. */
    public static String shortName(String layer) {
        return layer.startsWith(PREFIX) ? layer.substring(PREFIX.length()) : layer;
    }

    /**
     * The full name of the layer the user means.
     *
     * @param key the parameter key for messages, e.g. {@code layer}
     * @param layers the model's layer names ({@code StyleGAN2Model.layerNames()})
     * @throws IllegalArgumentException naming the key and listing the valid layers
     */
    public static String resolve(String key, String given, List<String> layers) {
        String wanted = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
        for (String layer : layers) {
            if (layer.equalsIgnoreCase(wanted) || shortName(layer).equalsIgnoreCase(wanted)) {
                return layer;
            }
        }
        throw new IllegalArgumentException(
                key
                        + " '"
                        + given
                        + "' does not exist in this model; valid layers: "
                        + layers.stream()
                                .map(LayerNames::shortName)
                                .collect(Collectors.joining(", ")));
    }
}
