/**
 * Quality metrics: Frechet distance and KID on feature statistics, the built-in offline feature
 * network, and a user's TorchScript features; the perceptual path length ({@link
 * sc.fiji.stylegan2.training.metrics.PerceptualPathLength}) on any {@link
 * sc.fiji.stylegan2.training.metrics.PathGenerator}; the projection distances of generated and real
 * images ({@link sc.fiji.stylegan2.training.metrics.ProjectionDistance}, StyleGAN2 Fig. 10).
 */
package sc.fiji.stylegan2.training.metrics;
