package sc.fiji.stylegan2.training.loop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Means of the per-minibatch statistics over one tick (official {@code training_stats} collector).
 */
final class TickStats {

    private final Map<String, double[]> sums = new LinkedHashMap<>();

    void add(Map<String, Double> stats) {
        stats.forEach(
                (k, v) -> {
                    double[] s = sums.computeIfAbsent(k, key -> new double[2]);
                    s[0] += v;
                    s[1]++;
                });
    }

    /** The means so far, then starts afresh. */
    Map<String, Double> drain() {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, s) -> means.put(k, s[0] / s[1]));
        sums.clear();
        return means;
    }
}
