package sc.fiji.stylegan2.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The official step's {@code nan_to_num(param.grad, nan=0, posinf=1e5, neginf=-1e5)} before each optimizer
 * step, so that one bad minibatch cannot poison Adam's moments. Checking costs one reduction per tensor; the
 * replacement runs only when some gradient is not finite.
 */
final class GradientSanitizer {

    private static final float LIMIT = 1e5f;

    private GradientSanitizer() {}

    /** @return the names of the parameters whose gradient was not finite (and was repaired) */
    static List<String> nanToNum(Map<String, NDArray> params) {
        List<String> repaired = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            NDList sums = new NDList(params.size());
            for (NDArray p : params.values()) {
                sums.add(p.getGradient().sum());
            }
            // NaN and ±inf survive summation (inf − inf is NaN), so one finite total means all are finite.
            if (Float.isFinite(NDArrays.stack(sums).sum().getFloat())) {
                return repaired;
            }
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                if (!Float.isFinite(g.sum().getFloat())) {
                    repaired.add(e.getKey());
                    g.set(g.isNaN(), 0f);
                    g.set(g.gt(LIMIT), LIMIT);
                    g.set(g.lt(-LIMIT), -LIMIT);
                }
            }
            return repaired;
        }
    }
}
