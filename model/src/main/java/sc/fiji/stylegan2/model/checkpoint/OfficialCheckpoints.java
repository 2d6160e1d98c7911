package sc.fiji.stylegan2.model.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import sc.fiji.stylegan2.model.checkpoint.pickle.LegacyTorchBlob;

/**
 * Opens any official StyleGAN2 checkpoint this package reads, choosing the reader by the file's
 * content rather than its name: a zip or legacy {@code torch.save} file is read as a {@code G_ema}
 * state dict ({@link TorchStateDictReader}), a pickle as an NVlabs snapshot ({@link
 * NvlabsPickleReader}).
 */
public final class OfficialCheckpoints {

    private OfficialCheckpoints() {}

    /**
     * Reads a checkpoint.
     *
     * @param file an NVlabs {@code network-snapshot-*.pkl} or a {@code
     *     torch.save(G_ema.state_dict())} file
     * @return its networks; for a state dict, {@code gEma} is the state dict, {@code g} and {@code
     *     d} are null and the kwargs maps are empty
     * @throws CheckpointFormatException with a message naming the file when it is missing, a
     *     folder, empty, truncated, damaged, foreign or asks for Python objects outside the
     *     readers' whitelists
     * @throws IOException if the file cannot be read
     */
    public static OfficialNetworks read(Path file) throws IOException {
        CheckpointFile.requireReadable(file);
        byte[] head = CheckpointFile.head(file);
        if (CheckpointFile.startsWith(head, CheckpointFile.ZIP_MAGIC)
                || CheckpointFile.startsWith(head, LegacyTorchBlob.HEADER)) {
            return new OfficialNetworks(
                    TorchStateDictReader.read(file),
                    null,
                    null,
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>());
        }
        if (head.length > 0 && head[0] == CheckpointFile.PICKLE_PROTO) {
            return NvlabsPickleReader.read(file);
        }
        throw CheckpointFile.notACheckpoint(file, head);
    }
}
