package sc.fiji.stylegan2.model.checkpoint;

/**
 * Everything in an official {@code network-snapshot-*.pkl} that resuming can use: the networks and
 * the augmentation pipe. The snapshot has no optimizer state, no image count (the official code
 * puts the kimg only into the file name) and no loss state.
 *
 * @param networks G, D and G_ema with their constructor arguments
 * @param augmentPipe the augmentation pipe, or null when the run had none ({@code --aug=noaug})
 */
public record NvlabsSnapshot(OfficialNetworks networks, OfficialAugmentPipe augmentPipe) {}
