package sc.fiji.stylegan2.model.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses seed lists as the official tools write them: ranges {@code 0-7} and comma lists {@code
 * 1,5,9}, mixed freely ({@code 0-3,10,20-22}). Seeds are 0 .. 2^32-1, numpy's {@code RandomState}
 * seed range.
 */
public final class SeedList {

    /** The largest seed numpy's legacy {@code RandomState} accepts. */
    public static final long MAX_SEED = 0xFFFFFFFFL;

    /** A guard against typing {@code 0-100000000} by mistake. */
    public static final int MAX_COUNT = 100_000;

    private SeedList() {}

    /**
     * Parses a seed list.
     *
     * @param key the parameter name for messages (e.g. {@code seeds})
     * @throws IllegalArgumentException naming the key, the bad part and what is valid
     */
    public static long[] parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + " is empty: give seeds like 0-7 or 1,5,9");
        }
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            long first = number(key, text, dash < 0 ? p : p.substring(0, dash));
            long last = dash < 0 ? first : number(key, text, p.substring(dash + 1));
            if (last < first) {
                throw new IllegalArgumentException(
                        key
                                + " '"
                                + text
                                + "': range "
                                + p
                                + " runs backwards; write it as "
                                + last
                                + "-"
                                + first);
            }
            if (seeds.size() + (last - first + 1) > MAX_COUNT) {
                throw new IllegalArgumentException(
                        key
                                + " '"
                                + text
                                + "' lists more than "
                                + MAX_COUNT
                                + " seeds; use a shorter range");
            }
            for (long s = first; s <= last; s++) {
                seeds.add(s);
            }
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }

    private static long number(String key, String text, String s) {
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0 || v > MAX_SEED) {
                throw new IllegalArgumentException(
                        key + " '" + text + "': seed " + v + " is outside 0.." + MAX_SEED);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key
                            + " '"
                            + text
                            + "': '"
                            + s.trim()
                            + "' is not a seed; give seeds like 0-7 or 1,5,9");
        }
    }
}
