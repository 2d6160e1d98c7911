package sc.fiji.stylegan2.model.direction;

import java.util.Arrays;

/**
 * The strengths Apply Direction walks a latent along a direction by, as users write them: {@code
 * start:stop:count} ({@code -3:3:7} = -3, -2, ..., 3, evenly spaced as {@code numpy.linspace}) or a
 * list {@code -2,0,2.5}.
 */
public final class Strengths {

    private Strengths() {}

    /**
     * @param key the parameter key for messages
     * @throws IllegalArgumentException naming the key, the text and what is valid
     */
    public static double[] parse(String key, String text) {
        String valid = "give start:stop:count (e.g. -3:3:7) or numbers separated by commas";
        String t = text == null ? "" : text.trim();
        try {
            if (t.contains(":")) {
                String[] p = t.split(":");
                if (p.length != 3) {
                    throw new IllegalArgumentException(
                            key + " '" + text + "' is not valid: " + valid);
                }
                double start = finite(p[0]), stop = finite(p[1]);
                int count = Integer.parseInt(p[2].trim());
                if (count < 1) {
                    throw new IllegalArgumentException(
                            key + " '" + text + "': count " + count + " must be 1 or more");
                }
                double[] s = new double[count];
                for (int i = 0; i < count; i++) {
                    // linspace: start + i (stop - start) / (count - 1)
                    s[i] = count == 1 ? start : start + i * (stop - start) / (count - 1);
                }
                return s;
            }
            double[] s = Arrays.stream(t.split(",")).mapToDouble(Strengths::finite).toArray();
            if (s.length == 0) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not valid: " + valid, e);
        }
    }

    private static double finite(String s) {
        double v = Double.parseDouble(s.trim());
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(s);
        }
        return v;
    }
}
