package sc.fiji.stylegan2.model.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.pickle.CountingInputStream;
import sc.fiji.stylegan2.model.checkpoint.pickle.LegacyTorchBlob;
import sc.fiji.stylegan2.model.checkpoint.pickle.NumpyDtype;
import sc.fiji.stylegan2.model.checkpoint.pickle.NumpyScalar;
import sc.fiji.stylegan2.model.checkpoint.pickle.PersistentModule;
import sc.fiji.stylegan2.model.checkpoint.pickle.PythonDict;
import sc.fiji.stylegan2.model.checkpoint.pickle.PythonValues;
import sc.fiji.stylegan2.model.checkpoint.pickle.SafeUnpickler;
import sc.fiji.stylegan2.model.checkpoint.pickle.TorchGlobals;

/**
 * Reads an official NVlabs StyleGAN2-ADA snapshot ({@code network-snapshot-*.pkl}) without running
 * any of the Python in it.
 *
 * <p>The snapshot is a pickled dict of {@code G}, {@code D}, {@code G_ema}, {@code augment_pipe}
 * and {@code training_set_kwargs}. Its networks are pickled by {@code torch_utils.persistence}
 * together with their source code, and every tensor's storage is a nested legacy {@code torch.save}
 * blob. This reader constructs only the handful of globals such a file needs (dicts, numpy scalars,
 * tensors, storages and NVIDIA's persistent-object record) and refuses anything else, so a hostile
 * pickle cannot run code. The embedded source code is never parsed or run: the networks come back
 * as state dicts with PyTorch's dotted names ({@code mapping.fc0.weight}, {@code
 * synthesis.b8.conv0.affine.bias}, ...).
 */
public final class NvlabsPickleReader {

    private NvlabsPickleReader() {}

    /**
     * Reads a snapshot pickle.
     *
     * @param file the {@code .pkl}
     * @return its networks: {@code G_ema} always, {@code G} and {@code D} when the file has them,
     *     and the constructor arguments ({@code _init_kwargs}) of {@code G_ema} and {@code D}
     * @throws CheckpointFormatException if the file is missing, damaged, truncated, has no {@code
     *     G_ema} or asks for any Python object outside the whitelist; the message names the file
     * @throws IOException if the file cannot be read
     */
    public static OfficialNetworks read(Path file) throws IOException {
        return readSnapshot(file).networks();
    }

    /**
     * Reads a snapshot pickle with its augmentation pipe, for resuming training.
     *
     * @param file the {@code .pkl}
     * @return its networks as {@link #read} and its {@code augment_pipe}, or null for none
     * @throws CheckpointFormatException as {@link #read}, and when the augment pipe is damaged
     * @throws IOException if the file cannot be read
     */
    public static NvlabsSnapshot readSnapshot(Path file) throws IOException {
        CheckpointFile.requireReadable(file);
        String source = CheckpointFile.name(file);
        return CheckpointFile.guard(
                file,
                () -> {
                    Object top;
                    try (CountingInputStream in = CheckpointFile.open(file)) {
                        top = new SafeUnpickler(source, globals(source), null).loadFrom(in);
                    }
                    return new NvlabsSnapshot(
                            networks(top, source), augmentPipe((Map<?, ?>) top, source));
                });
    }

    /** The globals an official snapshot constructs, and nothing else. */
    private static Map<String, Object> globals(String source) {
        Map<String, Object> g = new HashMap<>();
        g.put("collections.OrderedDict", PythonDict.constructor(source, "collections.OrderedDict"));
        g.put("dnnlib.util.EasyDict", PythonDict.constructor(source, "dnnlib.util.EasyDict"));
        g.put("numpy.dtype", NumpyDtype.constructor(source));
        g.put("numpy.core.multiarray.scalar", NumpyScalar.constructor(source));
        TorchGlobals.putTensors(g, source);
        g.put("torch.storage._load_from_bytes", LegacyTorchBlob.loadFromBytes(source));
        g.put(
                "torch_utils.persistence._reconstruct_persistent_obj",
                PersistentModule.constructor(source));
        return g;
    }

    private static OfficialNetworks networks(Object top, String source)
            throws CheckpointFormatException {
        if (!(top instanceof Map<?, ?> snapshot)) {
            throw new CheckpointFormatException(
                    source
                            + " is a Python pickle but not a StyleGAN2 snapshot: it holds "
                            + SafeUnpickler.describe(top)
                            + " instead of a dict with G_ema.");
        }
        if (!(snapshot.get("G_ema") instanceof PersistentModule gEma)) {
            throw new CheckpointFormatException(
                    "no G_ema in "
                            + source
                            + ": it holds "
                            + snapshot.keySet()
                            + ". Only snapshots written by NVlabs stylegan2-ada-pytorch (network-snapshot-*.pkl) can be"
                            + " opened.");
        }
        PersistentModule g = network(snapshot, "G", source);
        PersistentModule d = network(snapshot, "D", source);
        return new OfficialNetworks(
                gEma.stateDict(),
                g == null ? null : g.stateDict(),
                d == null ? null : d.stateDict(),
                PythonValues.toPlainMap(
                        gEma.attribute("_init_kwargs"), "G_ema's _init_kwargs", source),
                d == null
                        ? new LinkedHashMap<>()
                        : PythonValues.toPlainMap(
                                d.attribute("_init_kwargs"), "D's _init_kwargs", source));
    }

    /** The {@code augment_pipe}: its buffer {@code p} and its non-zero operation multipliers. */
    private static OfficialAugmentPipe augmentPipe(Map<?, ?> snapshot, String source)
            throws CheckpointFormatException {
        PersistentModule pipe = network(snapshot, "augment_pipe", source);
        if (pipe == null) {
            return null;
        }
        TensorData p = pipe.stateDict().get("p");
        if (p == null || p.data().length != 1) {
            throw new CheckpointFormatException(
                    source + " is damaged: its augment_pipe has no scalar probability p");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String op : OfficialAugmentPipe.OPS) {
            if (pipe.attribute(op) instanceof Number w && w.doubleValue() != 0) {
                weights.put(op, w.doubleValue());
            }
        }
        return new OfficialAugmentPipe(p.data()[0], weights);
    }

    private static PersistentModule network(Map<?, ?> snapshot, String key, String source)
            throws CheckpointFormatException {
        Object value = snapshot.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof PersistentModule module)) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged: its "
                            + key
                            + " is "
                            + SafeUnpickler.describe(value)
                            + ", not a network");
        }
        return module;
    }
}
