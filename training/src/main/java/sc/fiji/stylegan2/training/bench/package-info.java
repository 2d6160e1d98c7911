/**
 * Benchmarks of training: speed, memory, quality over time and projection. Run through {@code
 * ./stylegan2 --bench}; never from tests.
 */
package sc.fiji.stylegan2.training.bench;
