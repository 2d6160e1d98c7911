package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;
import sc.fiji.stylegan2.model.checkpoint.TensorData;

/**
 * A {@code torch.nn.Module} as NVIDIA's {@code torch_utils.persistence} pickles it: the result of
 * {@code _reconstruct_persistent_obj(meta)}, where {@code meta} holds the class name, the module's
 * source code and its {@code __dict__} ({@code _parameters}, {@code _buffers}, {@code _modules},
 * {@code _init_kwargs}, ...). The source code is never looked at, let alone run: only the state is
 * kept, and {@link #stateDict()} flattens it the way PyTorch's {@code state_dict()} does.
 */
public final class PersistentModule {

    private static final int MAX_DEPTH = 64;

    /**
     * More submodules than this is taken for a pickle built to blow up (StyleGAN2 has a few
     * hundred).
     */
    private static final int MAX_MODULES = 100_000;

    private final String source;
    private final String className;
    private final Map<?, ?> state;

    private PersistentModule(String source, String className, Map<?, ?> state) {
        this.source = source;
        this.className = className;
        this.state = state;
    }

    /** The whitelist callable {@code torch_utils.persistence._reconstruct_persistent_obj(meta)}. */
    public static SafeUnpickler.PyCallable constructor(String source) {
        return args -> {
            Map<?, ?> meta =
                    new PickleArgs(
                                    source,
                                    "torch_utils.persistence._reconstruct_persistent_obj",
                                    args,
                                    1,
                                    1)
                            .get(0, Map.class);
            if (!"class".equals(meta.get("type"))) {
                throw new CheckpointFormatException(
                        source
                                + " is not a StyleGAN2 checkpoint: it holds a persistent"
                                + " object of type '"
                                + meta.get("type")
                                + "', where NVIDIA's networks are classes");
            }
            if (!(meta.get("class_name") instanceof String name)
                    || !(meta.get("state") instanceof Map<?, ?> st)) {
                throw new CheckpointFormatException(
                        source + " is damaged: a persistent object lacks its class_name or state");
            }
            return new PersistentModule(source, name, st);
        };
    }

    /** The Python class, e.g. {@code training.networks.Generator}. */
    String className() {
        return className;
    }

    /** An attribute of the module's {@code __dict__}, or null. */
    public Object attribute(String name) {
        return state.get(name);
    }

    /**
     * The module's parameters and persistent buffers with their dotted names, in PyTorch's order:
     * own parameters, own buffers, then each child's, depth first.
     */
    public Map<String, TensorData> stateDict() throws CheckpointFormatException {
        Map<String, TensorData> out = new LinkedHashMap<>();
        collect("", out, Collections.newSetFromMap(new IdentityHashMap<>()), new int[1]);
        return out;
    }

    private void collect(
            String prefix, Map<String, TensorData> out, Set<PersistentModule> path, int[] visits)
            throws CheckpointFormatException {
        if (!path.add(this) || path.size() > MAX_DEPTH || ++visits[0] > MAX_MODULES) {
            throw damaged("module '" + prefix + "' contains itself or nests too deep");
        }
        addTensors(prefix, "_parameters", Collections.emptySet(), out);
        addTensors(prefix, "_buffers", nonPersistentBuffers(), out);
        for (Map.Entry<?, ?> e : dict("_modules").entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String name = prefix + e.getKey();
            if (!(e.getValue() instanceof PersistentModule child)) {
                throw new CheckpointFormatException(
                        source
                                + " is not a StyleGAN2 checkpoint: submodule '"
                                + name
                                + "' of "
                                + className
                                + " is "
                                + SafeUnpickler.describe(e.getValue())
                                + ", not a persistent module");
            }
            child.collect(name + ".", out, path, visits);
        }
        path.remove(this);
    }

    private void addTensors(
            String prefix, String dictName, Set<?> skip, Map<String, TensorData> out)
            throws CheckpointFormatException {
        for (Map.Entry<?, ?> e : dict(dictName).entrySet()) {
            String name = prefix + e.getKey();
            if (e.getValue() == null || skip.contains(e.getKey())) {
                continue;
            }
            if (!(e.getValue() instanceof TensorRef tensor)) {
                throw damaged(
                        dictName
                                + " entry '"
                                + name
                                + "' is "
                                + SafeUnpickler.describe(e.getValue())
                                + ", not a tensor");
            }
            out.put(name, tensor.toTensorData(name));
        }
    }

    private Set<?> nonPersistentBuffers() throws CheckpointFormatException {
        Object set = state.get("_non_persistent_buffers_set");
        if (set == null) {
            return Collections.emptySet();
        }
        if (!(set instanceof Set<?> s)) {
            throw damaged(
                    "_non_persistent_buffers_set of "
                            + className
                            + " is "
                            + SafeUnpickler.describe(set));
        }
        return s;
    }

    private Map<?, ?> dict(String name) throws CheckpointFormatException {
        Object value = state.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw damaged(
                    name
                            + " of "
                            + className
                            + " is "
                            + SafeUnpickler.describe(value)
                            + ", not a dict");
        }
        return map;
    }

    private CheckpointFormatException damaged(String what) {
        return new CheckpointFormatException(source + " is damaged: " + what);
    }
}
