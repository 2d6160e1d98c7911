package sc.fiji.stylegan2.model.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.TensorData;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) over named parameters, as {@code torch.optim.Adam}:
 *
 * <pre>
 *   m ← β1 m + (1 − β1) g          v ← β2 v + (1 − β2) g²
 *   p ← p − lr · (m / (1 − β1^t)) / (sqrt(v / (1 − β2^t)) + ε)
 * </pre>
 *
 * The moments live in the optimizer's own manager; updates are in place and outside any gradient
 * recording. The learning rate may change between steps (projection ramps it). State can be exported and
 * restored for checkpoints.
 */
public final class Adam implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long step;

    public Adam(NDManager parent, Map<String, NDArray> params, double lr, double beta1, double beta2, double eps) {
        this.manager = parent.newSubManager();
        this.params = new LinkedHashMap<>(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        for (Map.Entry<String, NDArray> e : this.params.entrySet()) {
            m.put(e.getKey(), manager.zeros(e.getValue().getShape()));
            v.put(e.getKey(), manager.zeros(e.getValue().getShape()));
        }
    }

    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    public double learningRate() {
        return lr;
    }

    /** Steps taken so far (t in the bias corrections). */
    public long steps() {
        return step;
    }

    /**
     * One update from the parameters' current gradients ({@code getGradient()}), which it then sets to zero
     * (libtorch accumulates gradients, and DJL clears only arrays of its system manager).
     */
    public void step() {
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            NDArray g = p.getGradient();
            NDArray mi = m.get(e.getKey());
            NDArray vi = v.get(e.getKey());
            mi.muli(beta1).addi(g.mul(1 - beta1));
            vi.muli(beta2).addi(g.square().muli(1 - beta2));
            NDArray denom = vi.div(bc2).sqrt().addi(eps);
            p.subi(mi.mul(lr / bc1).divi(denom));
            g.muli(0); // gradients accumulate in libtorch; clear them for the next step
            g.close();
            denom.close();
        }
    }

    /** The moments and step count, for checkpoints: {@code m.<name>}, {@code v.<name>}, {@code step}. */
    public Map<String, TensorData> exportState() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m." + k, new TensorData(a.getShape().getShape(), a.toFloatArray())));
        v.forEach((k, a) -> out.put("v." + k, new TensorData(a.getShape().getShape(), a.toFloatArray())));
        out.put("step", new TensorData(new long[0], new float[] {step}));
        return out;
    }

    /** Restores {@link #exportState()}; shapes must match. */
    public void loadState(Map<String, TensorData> state) {
        for (String k : List.copyOf(m.keySet())) {
            m.get(k).set(state.get("m." + k).data());
            v.get(k).set(state.get("v." + k).data());
        }
        step = (long) state.get("step").data()[0];
    }

    @Override
    public void close() {
        manager.close();
    }
}
