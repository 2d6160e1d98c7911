/**
 * Benchmarks of the model library (generation speed and memory) and the synthetic models they run
 * on. Run through {@code ./stylegan2 --bench}; never from tests.
 */
package sc.fiji.stylegan2.model.bench;
