/**
 * Quality metrics: Frechet distance and KID on feature statistics, the built-in offline feature
 * network, and a user's TorchScript features.
 */
package sc.fiji.stylegan2.training.metrics;
