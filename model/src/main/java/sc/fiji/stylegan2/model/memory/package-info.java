/**
 * Running out of memory without crashing: {@link sc.fiji.stylegan2.model.memory.OutOfMemory} tells
 * a Java heap or libtorch allocation failure from other errors (the one place that knows libtorch's
 * messages), and {@link sc.fiji.stylegan2.model.memory.ShrinkingBatch} halves a batch size after
 * such a failure so batched work (generation, projection) continues with a batch that fits.
 */
package sc.fiji.stylegan2.model.memory;
