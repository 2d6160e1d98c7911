package sc.fiji.stylegan2.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.network.Generator;
import sc.fiji.stylegan2.model.nn.WeightCache;
import sc.fiji.stylegan2.model.torch.TorchScriptArchive;

/**
 * The G_ema update of {@link GeneratorEma} for one pair of generators, in place and in one call of
 * a small TorchScript module (about 60 tensors in config {@code small}: one call instead of three
 * JNI calls each), exactly the official {@code p_ema.copy_(p.lerp(p_ema, β))} for parameters and
 * {@code b_ema.copy_(b)} for buffers ({@code w_avg} changes; the constant noise maps do not).
 */
public final class EmaUpdate implements AutoCloseable {

    static final String CLASS_NAME = "EmaStep";

    static final String SOURCE =
            TorchScriptArchive.forwardSource(
                    CLASS_NAME,
                    List.of(
                            "ema_params: List[Tensor]",
                            "params: List[Tensor]",
                            "ema_buffers: List[Tensor]",
                            "buffers: List[Tensor]",
                            "beta: float"),
                    "int",
                    "for i in range(len(params)):",
                    "  ema_params[i].copy_(params[i].lerp(ema_params[i], beta))",
                    "for i in range(len(buffers)):",
                    "  ema_buffers[i].copy_(buffers[i])",
                    "return len(params)");

    private final NDManager manager;
    private final PtSymbolBlock kernel;
    private final IValue[] lists;
    private final List<NDArray> updated = new ArrayList<>();

    /**
     * Binds G (the trained one) and G_ema (same architecture); the module lives in a sub-manager of
     * G_ema's.
     */
    public EmaUpdate(Generator g, Generator gEma, NDManager parent) {
        Map<String, NDArray> params = g.namedParameters();
        Map<String, NDArray> emaState = gEma.stateDict();
        List<PtNDArray> p = new ArrayList<>();
        List<PtNDArray> pEma = new ArrayList<>();
        List<PtNDArray> b = new ArrayList<>();
        List<PtNDArray> bEma = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : g.stateDict().entrySet()) {
            NDArray target = emaState.get(e.getKey());
            if (target == null || !target.getShape().equals(e.getValue().getShape())) {
                throw new IllegalArgumentException("G_ema does not match G at " + e.getKey());
            }
            boolean isParam = params.containsKey(e.getKey());
            (isParam ? p : b).add((PtNDArray) e.getValue());
            (isParam ? pEma : bEma).add((PtNDArray) target);
        }
        this.manager = parent.newSubManager();
        try {
            this.kernel =
                    TorchScriptArchive.load(manager, TorchScriptArchive.write(CLASS_NAME, SOURCE));
            this.lists = new IValue[] {list(pEma), list(p), list(bEma), list(b)};
            updated.addAll(pEma);
            updated.addAll(bEma);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static IValue list(List<PtNDArray> arrays) {
        return IValue.listFrom(arrays.toArray(PtNDArray[]::new));
    }

    /** {@code θ_ema ← lerp(θ, θ_ema, β)}, buffers copied. Call outside gradient recording. */
    public void apply(double beta) {
        WeightCache.requireNotCached(updated, "the G_ema update");
        IValue b = IValue.from(beta);
        try {
            IValueUtils.forward(kernel, new IValue[] {lists[0], lists[1], lists[2], lists[3], b})
                    .close();
        } finally {
            b.close();
        }
    }

    @Override
    public void close() {
        for (IValue v : lists) {
            v.close();
        }
        manager.close();
    }
}
