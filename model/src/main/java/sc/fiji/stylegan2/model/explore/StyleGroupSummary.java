package sc.fiji.stylegan2.model.explore;

import java.util.EnumSet;
import java.util.stream.Collectors;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * What {@code coarse}, {@code middle} and {@code fine} ({@link StyleGroup}) mean for one model, for
 * Model Info: per group its block resolutions, its ws indices ({@link WsLayout}, as Style Mixing
 * and Apply Direction select them) and its noisy convolutions ({@link NoiseLayers}, as Stochastic
 * Variation selects them).
 */
public final class StyleGroupSummary {

    private StyleGroupSummary() {}

    /**
     * One line per group, e.g. {@code coarse 4-8 px: ws 0-2, layers b4.conv1, b8.conv0, b8.conv1};
     * a group this model lacks says {@code none}.
     */
    public static String of(Generator generator) {
        GeneratorConfig cfg = generator.config();
        int[] res = WsLayout.resolutions(cfg);
        StringBuilder s = new StringBuilder();
        for (StyleGroup g : StyleGroup.values()) {
            int[] ws =
                    java.util.stream.IntStream.range(0, res.length)
                            .filter(i -> g.contains(res[i], cfg.resolution()))
                            .toArray();
            s.append(String.format("%n  %s %s", g.key(), g.resolutions(cfg.resolution())));
            if (ws.length > 0) {
                s.append(": ws ")
                        .append(StyleSelection.format(ws))
                        .append(", layers ")
                        .append(
                                NoiseLayers.of(generator, EnumSet.of(g)).layers().stream()
                                        .map(LayerNames::shortName)
                                        .collect(Collectors.joining(", ")));
            }
        }
        return s.toString();
    }
}
