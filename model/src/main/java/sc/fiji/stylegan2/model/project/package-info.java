/**
 * Projection of real images into the latent space (StyleGAN2 Sec. 5, appendix D): the optimisation,
 * its schedules, noise regularisation, image distances (pixels, discriminator features, a user's
 * TorchScript network) and the result.
 */
package sc.fiji.stylegan2.model.project;
