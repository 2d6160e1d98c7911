/**
 * Training checkpoints: networks, optimizer state, counters and options in one file, written
 * atomically, so a run resumes exactly; and {@link
 * sc.fiji.stylegan2.training.checkpoint.OfficialResume}, which takes a snapshot of the official
 * trainer back as a checkpoint to resume from.
 */
package sc.fiji.stylegan2.training.checkpoint;
