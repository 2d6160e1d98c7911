/**
 * Latent files: ws and noise maps as {@code .npz} (the official projector's format) and {@code
 * .csv}, read and written atomically.
 */
package sc.fiji.stylegan2.model.latent;
