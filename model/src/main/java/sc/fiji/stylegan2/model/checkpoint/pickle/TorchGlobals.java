package sc.fiji.stylegan2.model.checkpoint.pickle;

import java.util.HashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * The PyTorch globals a {@code torch.save} pickle of tensors may construct, as whitelist entries
 * for {@link SafeUnpickler}: tensor and parameter rebuilding, {@code OrderedDict} and the storage
 * types.
 */
public final class TorchGlobals {

    private TorchGlobals() {}

    /** The whitelist for a pickled state dict (zip {@code data.pkl} or legacy object pickle). */
    public static Map<String, Object> stateDict(String source) {
        Map<String, Object> globals = new HashMap<>();
        globals.put(
                "collections.OrderedDict",
                PythonDict.constructor(source, "collections.OrderedDict"));
        putTensors(globals, source);
        putStorageTypes(globals);
        return globals;
    }

    /** Adds {@code torch._utils._rebuild_tensor_v2} and {@code torch._utils._rebuild_parameter}. */
    public static void putTensors(Map<String, Object> globals, String source) {
        globals.put("torch._utils._rebuild_tensor_v2", rebuildTensor(source));
        globals.put("torch._utils._rebuild_parameter", rebuildParameter(source));
    }

    /** Adds {@code torch.FloatStorage} and the other storage types. */
    static void putStorageTypes(Map<String, Object> globals) {
        for (StorageType type : StorageType.values()) {
            globals.put(type.qualifiedName(), type);
        }
    }

    /**
     * {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad,
     * backward_hooks[, metadata])}: a {@link TensorRef}.
     */
    private static SafeUnpickler.PyCallable rebuildTensor(String source) {
        return args -> {
            PickleArgs a = new PickleArgs(source, "torch._utils._rebuild_tensor_v2", args, 4, 7);
            TorchStorage storage = a.get(0, TorchStorage.class);
            long[] shape = a.getLongs(2);
            long[] stride = a.getLongs(3);
            if (shape.length != stride.length) {
                throw new CheckpointFormatException(
                        source
                                + " is damaged: a tensor has "
                                + shape.length
                                + " dimensions but "
                                + stride.length
                                + " strides");
            }
            return new TensorRef(source, storage, a.getLong(1), shape, stride);
        };
    }

    /**
     * {@code _rebuild_parameter(data, requires_grad, backward_hooks)}: the data, a {@link
     * TensorRef}.
     */
    private static SafeUnpickler.PyCallable rebuildParameter(String source) {
        return args ->
                new PickleArgs(source, "torch._utils._rebuild_parameter", args, 3, 3)
                        .get(0, TensorRef.class);
    }
}
