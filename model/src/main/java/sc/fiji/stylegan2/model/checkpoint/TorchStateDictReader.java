package sc.fiji.stylegan2.model.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import sc.fiji.stylegan2.model.checkpoint.pickle.CountingInputStream;
import sc.fiji.stylegan2.model.checkpoint.pickle.LegacyTorchBlob;
import sc.fiji.stylegan2.model.checkpoint.pickle.SafeUnpickler;
import sc.fiji.stylegan2.model.checkpoint.pickle.TensorRef;
import sc.fiji.stylegan2.model.checkpoint.pickle.TorchGlobals;
import sc.fiji.stylegan2.model.checkpoint.pickle.TorchZipArchive;

/**
 * Reads a PyTorch state dict saved with {@code torch.save(module.state_dict(), path)}: the zip
 * format of PyTorch 1.6 and later, or the older non-zip format. Only tensors, storages and {@code
 * OrderedDict} are constructed; any other Python object is refused, so a hostile file cannot run
 * code.
 */
public final class TorchStateDictReader {

    private TorchStateDictReader() {}

    /**
     * Reads a state dict.
     *
     * @param file the {@code .pt} / {@code .pth}
     * @return every tensor by name, in the file's order, as float32 (0-dim tensors have shape
     *     {@code []})
     * @throws CheckpointFormatException if the file is missing, damaged, truncated, not a state
     *     dict, or asks for a Python object outside the whitelist; the message names the file
     * @throws IOException if the file cannot be read
     */
    public static Map<String, TensorData> read(Path file) throws IOException {
        CheckpointFile.requireReadable(file);
        String source = CheckpointFile.name(file);
        byte[] head = CheckpointFile.head(file);
        return CheckpointFile.guard(
                file,
                () -> {
                    Object top;
                    if (CheckpointFile.startsWith(head, CheckpointFile.ZIP_MAGIC)) {
                        top = TorchZipArchive.read(file, source, TorchGlobals.stateDict(source));
                    } else if (CheckpointFile.startsWith(head, LegacyTorchBlob.HEADER)) {
                        try (CountingInputStream in = CheckpointFile.open(file)) {
                            top = LegacyTorchBlob.read(in, source, TorchGlobals.stateDict(source));
                        }
                    } else {
                        throw new CheckpointFormatException(
                                source
                                        + " is not a PyTorch state dict (a .pt file written by"
                                        + " torch.save): it is neither a zip archive nor a legacy torch.save file.");
                    }
                    return tensors(top, source);
                });
    }

    private static Map<String, TensorData> tensors(Object top, String source)
            throws CheckpointFormatException {
        if (!(top instanceof Map<?, ?> dict)) {
            throw new CheckpointFormatException(
                    source
                            + " holds "
                            + SafeUnpickler.describe(top)
                            + ", not a state"
                            + " dict. Save one with torch.save(G_ema.state_dict(), path).");
        }
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof TensorRef tensor)) {
                throw new CheckpointFormatException(
                        source
                                + " is not a plain state dict: its entry '"
                                + name
                                + "' is "
                                + SafeUnpickler.describe(e.getValue())
                                + ", not a tensor. Save one with"
                                + " torch.save(G_ema.state_dict(), path).");
            }
            out.put(name, tensor.toTensorData(name));
        }
        return out;
    }
}
