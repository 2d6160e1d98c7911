package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Collects named intermediate tensors during one forward pass (e.g. the output of {@code
 * synthesis.b64.conv1}), for the activation viewer. Layers offer their output under their official
 * name; the probe copies out only the ones asked for, as plain arrays, so no native memory escapes.
 */
public final class ActivationProbe {

    private final Set<String> wanted;
    private final Map<String, float[]> values = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    public ActivationProbe(Set<String> wanted) {
        this.wanted = Set.copyOf(wanted);
    }

    /** Called by layers with their output. */
    public void offer(String name, NDArray x) {
        if (wanted.contains(name)) {
            values.put(name, x.toFloatArray());
            shapes.put(name, x.getShape().getShape());
        }
    }

    /** The captured values in C order, or null if the layer did not run. */
    public float[] values(String name) {
        return values.get(name);
    }

    public long[] shape(String name) {
        return shapes.get(name);
    }
}
