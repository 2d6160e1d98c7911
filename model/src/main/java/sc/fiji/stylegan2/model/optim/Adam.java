package sc.fiji.stylegan2.model.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.TensorData;
import sc.fiji.stylegan2.model.nn.WeightCache;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) over named parameters, as {@code torch.optim.Adam}:
 *
 * <pre>
 *   m ← β1 m + (1 − β1) g          v ← β2 v + (1 − β2) g²
 *   p ← p − (lr / (1 − β1^t)) · m / (sqrt(v) / sqrt(1 − β2^t) + ε)
 * </pre>
 *
 * Non-finite gradient entries are first repaired as the official training step does ({@code
 * nan_to_num}: NaN → 0, ±inf → ±1e5), so one bad minibatch cannot poison the moments. One step over
 * all parameters is a single call of a TorchScript module ({@link AdamStepScript}). The moments
 * live in the optimizer's own manager; updates are in place and outside any gradient recording
 * (call it with grad mode off). The learning rate may change between steps (projection ramps it).
 * State can be exported and restored for checkpoints.
 */
public final class Adam implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final PtSymbolBlock kernel;
    private final IValue paramList;
    private final IValue expAvgList;
    private final IValue expAvgSqList;
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long step;

    public Adam(
            NDManager parent,
            Map<String, NDArray> params,
            double lr,
            double beta1,
            double beta2,
            double eps) {
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
        try {
            this.kernel = TorchScriptArchive.load(manager, AdamStepScript.bytes());
            // The lists hold references to the tensors themselves; the step updates them in place.
            this.paramList = IValue.listFrom(ptArrays(this.params.values()));
            this.expAvgList = IValue.listFrom(ptArrays(m.values()));
            this.expAvgSqList = IValue.listFrom(ptArrays(v.values()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static PtNDArray[] ptArrays(Collection<NDArray> arrays) {
        return arrays.stream().map(a -> (PtNDArray) a).toArray(PtNDArray[]::new);
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
     * One update from the parameters' current gradients, which it then sets to zero (libtorch
     * accumulates gradients, and DJL clears only arrays of its system manager). Parameters without
     * a gradient are left alone, as in {@code torch.optim}.
     *
     * @return how many parameters had a non-finite gradient (repaired before the update)
     */
    public int step() {
        WeightCache.requireNotCached(params.values(), "the optimizer step");
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        IValue hyper = IValue.listFrom(beta1, beta2, lr / bc1, Math.sqrt(bc2), eps);
        try {
            IValue out =
                    IValueUtils.forward(
                            kernel, new IValue[] {paramList, expAvgList, expAvgSqList, hyper});
            try {
                return (int) out.toLong();
            } finally {
                out.close();
            }
        } finally {
            hyper.close();
        }
    }

    /**
     * The moments and step count, for checkpoints: {@code m.<name>}, {@code v.<name>}, {@code
     * step}.
     */
    public Map<String, TensorData> exportState() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        m.forEach(
                (k, a) ->
                        out.put(
                                "m." + k,
                                new TensorData(a.getShape().getShape(), a.toFloatArray())));
        v.forEach(
                (k, a) ->
                        out.put(
                                "v." + k,
                                new TensorData(a.getShape().getShape(), a.toFloatArray())));
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
        paramList.close();
        expAvgList.close();
        expAvgSqList.close();
        manager.close();
    }
}
