package sc.fiji.stylegan2.model.explore;

import java.util.BitSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import sc.fiji.stylegan2.model.network.GeneratorConfig;

/**
 * Parses which per-layer latents (ws indices) to take from another image, as the official {@code
 * style_mixing.py --styles} does ({@code 0-6}, {@code 1,3,5}), or by the StyleGAN paper's groups
 * (Sec. 3.1): {@code coarse}, {@code middle}, {@code fine}, also combined ({@code coarse,fine} or
 * {@code coarse+fine}), relative to the model's depth below 64 px ({@link StyleGroup}); {@code all}
 * selects every index. Groups map to indices through {@link WsLayout}.
 */
public final class StyleSelection {

    private StyleSelection() {}

    /**
     * The selected ws indices, ascending.
     *
     * @param key the parameter key for messages, e.g. {@code col_styles}
     * @throws IllegalArgumentException naming the key, the bad part and what is valid for this
     *     model
     */
    public static int[] parse(String key, String text, GeneratorConfig cfg) {
        int numWs = cfg.numWs();
        String valid =
                "use all, coarse, middle, fine or ws indices like 0-3 or 1,3,5 (0.."
                        + (numWs - 1)
                        + ")";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + " is empty: " + valid);
        }
        int[] resolutions = WsLayout.resolutions(cfg);
        BitSet selected = new BitSet(numWs);
        for (String raw : text.split("[,+]")) {
            String part = raw.trim();
            if (part.equalsIgnoreCase("all")) {
                selected.set(0, numWs);
                continue;
            }
            StyleGroup group = StyleGroup.byKey(part);
            if (group != null) {
                BitSet inGroup = new BitSet(numWs);
                IntStream.range(0, numWs)
                        .filter(i -> group.contains(resolutions[i], cfg.resolution()))
                        .forEach(inGroup::set);
                if (inGroup.isEmpty()) {
                    throw new IllegalArgumentException(
                            key
                                    + " '"
                                    + text
                                    + "': this "
                                    + cfg.resolution()
                                    + " px model has no "
                                    + group.key()
                                    + " styles ("
                                    + "it has "
                                    + describeGroups(cfg)
                                    + "); "
                                    + valid);
                }
                selected.or(inGroup);
            } else {
                addRange(key, text, part, numWs, valid, selected);
            }
        }
        return selected.stream().toArray();
    }

    private static void addRange(
            String key, String text, String part, int numWs, String valid, BitSet selected) {
        int dash = part.indexOf('-', 1);
        int first = index(key, text, dash < 0 ? part : part.substring(0, dash), numWs, valid);
        int last = dash < 0 ? first : index(key, text, part.substring(dash + 1), numWs, valid);
        if (last < first) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + text
                            + "': range "
                            + part
                            + " runs backwards; write it as "
                            + last
                            + "-"
                            + first);
        }
        selected.set(first, last + 1);
    }

    private static int index(String key, String text, String s, int numWs, String valid) {
        int i;
        try {
            i = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key + " '" + text + "': '" + s.trim() + "' is not valid; " + valid);
        }
        if (i < 0 || i >= numWs) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + text
                            + "': index "
                            + i
                            + " is outside 0.."
                            + (numWs - 1)
                            + " (this model has num_ws "
                            + numWs
                            + ")");
        }
        return i;
    }

    /** The indices as text, ranges collapsed: {@code 0-2,7}. */
    public static String format(int[] indices) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < indices.length; i++) {
            int j = i;
            while (j + 1 < indices.length && indices[j + 1] == indices[j] + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",")
                    .append(indices[i])
                    .append(j > i ? "-" + indices[j] : "");
            i = j;
        }
        return sb.toString();
    }

    /**
     * Lists every group's indices for this model, for messages: {@code coarse 0-2, middle 3-6, fine
     * 7-9}.
     */
    public static String describeGroups(GeneratorConfig cfg) {
        int[] res = WsLayout.resolutions(cfg);
        return java.util.Arrays.stream(StyleGroup.values())
                .map(
                        g ->
                                g.key()
                                        + " "
                                        + format(
                                                IntStream.range(0, res.length)
                                                        .filter(
                                                                i ->
                                                                        g.contains(
                                                                                res[i],
                                                                                cfg.resolution()))
                                                        .toArray()))
                .filter(s -> !s.endsWith(" "))
                .collect(Collectors.joining(", "));
    }
}
