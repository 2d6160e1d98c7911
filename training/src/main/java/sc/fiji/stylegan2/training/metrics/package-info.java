/**
 * Quality metrics: Frechet distance and KID on feature statistics, the built-in offline feature
 * network, and a user's TorchScript features; the perceptual path length ({@link
 * sc.fiji.stylegan2.training.metrics.PerceptualPathLength}) on any {@link
 * sc.fiji.stylegan2.training.metrics.PathGenerator}.
 */
package sc.fiji.stylegan2.training.metrics;
