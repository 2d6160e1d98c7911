package sc.fiji.stylegan2.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.TensorData;

/**
 * A network part with named parameters, buffers and children, named exactly as the official PyTorch
 * modules ({@code synthesis.b64.conv1.affine.weight}), so that official state dicts map one-to-one.
 *
 * <p>Deviation from DJL's {@code Block}: StyleGAN's forward passes take several inputs of different
 * kinds (an activation, the image skip, a slice of w, a noise mode) and its parameters must load
 * from official state dicts by name. A {@code Block} wants one {@code NDList} in and shape-driven
 * lazy initialisation, so each module here keeps DJL's habits (parameters registered in the
 * constructor, children added by name, engine ops only) but exposes typed {@code forward} methods
 * instead.
 */
public abstract class Module {

    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    /** Registers a trainable parameter under its official name. */
    protected final NDArray parameter(String name, NDArray value) {
        parameters.put(name, value);
        return value;
    }

    /** Registers a persistent buffer (state that is saved but not trained, e.g. {@code w_avg}). */
    protected final NDArray buffer(String name, NDArray value) {
        buffers.put(name, value);
        return value;
    }

    /** Registers a child module under its official name. */
    protected final <M extends Module> M child(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** The direct children, in registration order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** All trainable parameters of this module and its children, with dotted official names. */
    public final Map<String, NDArray> namedParameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        collect("", out, true, false);
        return out;
    }

    /** Parameters and buffers, like PyTorch's {@code state_dict()}. */
    public final Map<String, NDArray> stateDict() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        collect("", out, true, true);
        return out;
    }

    private void collect(String prefix, Map<String, NDArray> out, boolean params, boolean bufs) {
        if (params) {
            parameters.forEach((k, v) -> out.put(prefix + k, v));
        }
        if (bufs) {
            buffers.forEach((k, v) -> out.put(prefix + k, v));
        }
        children.forEach((k, c) -> c.collect(prefix + k + ".", out, params, bufs));
    }

    /**
     * Copies values from a state dict into this module's parameters and buffers, checking that
     * every tensor is present and has the expected shape.
     *
     * @param what what the dict is, for messages (e.g. {@code "G_ema in model.pkl"})
     * @throws CheckpointFormatException listing missing, unexpected or wrong-shaped tensors
     */
    public final void loadStateDict(Map<String, TensorData> dict, String what)
            throws CheckpointFormatException {
        Map<String, NDArray> own = stateDict();
        List<String> problems =
                new ArrayList<>(); // missing tensors first: they say most about the file
        List<String> shapes = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : own.entrySet()) {
            TensorData t = dict.get(e.getKey());
            Shape expected = e.getValue().getShape();
            if (t == null) {
                problems.add("missing " + e.getKey() + " " + expected);
            } else if (!sameShape(expected, t.shape())) {
                shapes.add(
                        e.getKey()
                                + " has shape "
                                + Arrays.toString(t.shape())
                                + ", expected "
                                + expected);
            }
        }
        problems.addAll(shapes);
        for (String k : dict.keySet()) {
            if (!own.containsKey(k)) {
                problems.add("unexpected " + k);
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 6);
            throw new CheckpointFormatException(
                    what
                            + " does not fit this network ("
                            + problems.size()
                            + " problem"
                            + (problems.size() == 1 ? "" : "s")
                            + ": "
                            + String.join("; ", problems.subList(0, shown))
                            + (shown < problems.size() ? "; ..." : "")
                            + "). Is it a StyleGAN2 (not StyleGAN or StyleGAN3) model with these settings?");
        }
        WeightCache.requireNotCached(own.values(), "loading " + what);
        for (Map.Entry<String, NDArray> e : own.entrySet()) {
            e.getValue().set(dict.get(e.getKey()).data());
        }
    }

    /** Reads every parameter and buffer back to plain arrays. */
    public final Map<String, TensorData> exportStateDict() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        stateDict()
                .forEach(
                        (k, v) ->
                                out.put(
                                        k,
                                        new TensorData(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    /** Shapes match, treating a 0-dim scalar and a one-element vector as the same. */
    private static boolean sameShape(Shape expected, long[] actual) {
        if (Arrays.equals(expected.getShape(), actual)) {
            return true;
        }
        return expected.size() == 1
                && TensorData.numel(actual) == 1
                && actual.length <= 1
                && expected.dimension() <= 1;
    }

    /** Standard-normal initial values, as the official constructors use ({@code torch.randn}). */
    protected static NDArray randn(NDManager manager, long... shape) {
        return manager.randomNormal(new Shape(shape));
    }
}
