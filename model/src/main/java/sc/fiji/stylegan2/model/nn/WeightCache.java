package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the layers derive from their weights in every forward pass (a bfloat16 copy, the layout of a
 * transposed convolution, the kernel energies {@code Σ_k w²} of demodulation), computed once for a
 * run of inference over fixed weights instead: generating a stack batch by batch, the steps of a
 * projection, a benchmark. At batch 1 these derivations cost as much as the convolutions themselves
 * (each reads or copies the whole weight; see {@code bench/README.md}).
 *
 * <p>A scope per thread, like {@link sc.fiji.stylegan2.model.torch.Autocast}: the caller that knows
 * the weights stay fixed opens one around its loop ({@link #open()}); the layers ask {@link
 * #derived} and get the cached form inside a scope, a fresh one outside. A weight that takes
 * gradients (training) is never cached. Closing the scope frees every cached tensor. The weights
 * must not change while a scope that cached them is open: the optimizer step, the G_ema update and
 * checkpoint loading call {@link #requireNotCached}, which turns such a change into an error
 * instead of images from stale weights.
 */
public final class WeightCache implements AutoCloseable {

    private static final ThreadLocal<WeightCache> CURRENT = new ThreadLocal<>();

    private final WeightCache outer;
    private final NDManager manager = NDManager.newBaseManager();
    private final Map<NDArray, Map<String, NDArray>> derived = new IdentityHashMap<>();

    private WeightCache() {
        outer = CURRENT.get();
        CURRENT.set(this);
    }

    /**
     * Opens a scope for this thread until closed: the weights the layers use inside must not change
     * before then.
     */
    public static WeightCache open() {
        return new WeightCache();
    }

    /**
     * The form {@code kind} of {@code weight}, as {@code derive} computes it: computed once per
     * open scope and kept, or computed afresh (and owned by the caller's scope) outside one and for
     * a weight that takes gradients now.
     *
     * @param weight a parameter of a layer (its identity is the key; never a temporary)
     * @param kind what {@code derive} makes, unique per weight ("bf16", "kernel energy", ...)
     */
    public static NDArray derived(NDArray weight, String kind, UnaryOperator<NDArray> derive) {
        WeightCache cache = CURRENT.get();
        if (cache == null || (JniUtils.isGradMode() && weight.hasGradient())) {
            return derive.apply(weight);
        }
        for (WeightCache c = cache; c != null; c = c.outer) {
            NDArray kept = c.derived.getOrDefault(weight, Map.of()).get(kind);
            if (kept != null) {
                return kept;
            }
        }
        NDArray form = derive.apply(weight);
        if (form == weight) {
            return form; // nothing derived: the weight itself stays its module's
        }
        // Out of the caller's batch scope, into this cache's lifetime.
        NDScope.unregister(form);
        form.attach(cache.manager);
        cache.derived.computeIfAbsent(weight, w -> new HashMap<>()).put(kind, form);
        return form;
    }

    /**
     * Throws if a scope open in this thread has cached a form of one of {@code weights}: they are
     * about to change, and the cached forms would go stale.
     *
     * @param what the change, for the message ("the optimizer step")
     */
    public static void requireNotCached(Collection<NDArray> weights, String what) {
        for (WeightCache c = CURRENT.get(); c != null; c = c.outer) {
            for (NDArray w : weights) {
                if (c.derived.containsKey(w)) {
                    throw new IllegalStateException(
                            what
                                    + " changes a weight that an open WeightCache holds derived"
                                    + " forms of; close the cache before changing weights");
                }
            }
        }
    }

    /** Whether a scope is open in this thread. */
    public static boolean isOpen() {
        return CURRENT.get() != null;
    }

    /** Frees the cached forms and restores the scope that was open before. */
    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.set(outer);
        }
        manager.close();
        derived.clear();
    }
}
