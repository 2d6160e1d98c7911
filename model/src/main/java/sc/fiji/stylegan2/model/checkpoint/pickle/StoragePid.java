package sc.fiji.stylegan2.model.checkpoint.pickle;

import sc.fiji.stylegan2.model.checkpoint.CheckpointFormatException;

/**
 * The persistent id by which a {@code torch.save} pickle refers to a storage: {@code ('storage',
 * torch.FloatStorage, key, location, numel[, view_metadata])}.
 *
 * @param type the element type
 * @param key the storage's name in the file (a zip entry name or a legacy storage key)
 * @param numel the storage's number of elements
 * @param viewKey for a legacy view: the view's own key, else null
 * @param viewOffset for a legacy view: its element offset into the storage
 * @param viewSize for a legacy view: its number of elements
 */
record StoragePid(
        StorageType type, String key, long numel, String viewKey, long viewOffset, long viewSize) {

    /**
     * Reads a persistent id.
     *
     * @param pid the unpickled id
     * @param source the file, for messages
     */
    static StoragePid parse(Object pid, String source) throws CheckpointFormatException {
        if (!(pid instanceof Object[] t) || t.length < 5 || !"storage".equals(t[0])) {
            throw new CheckpointFormatException(
                    source
                            + " is damaged or not a StyleGAN2 checkpoint: it refers to "
                            + "external data that is not a tensor storage ("
                            + SafeUnpickler.describe(pid)
                            + ")");
        }
        PickleArgs a = new PickleArgs(source, "a storage id", t, 5, 6);
        StorageType type = a.get(1, StorageType.class);
        String key = a.get(2, String.class);
        long numel = a.getLong(4);
        if (a.size() < 6 || a.get(5) == null) {
            return new StoragePid(type, key, numel, null, 0, 0);
        }
        PickleArgs view = new PickleArgs(source, "a storage view", a.get(5, Object[].class), 3, 3);
        return new StoragePid(
                type, key, numel, view.get(0, String.class), view.getLong(1), view.getLong(2));
    }
}
