/**
 * Training checkpoints: networks, optimizer state, counters and options in one file, written
 * atomically, so a run resumes exactly.
 */
package sc.fiji.stylegan2.training.checkpoint;
