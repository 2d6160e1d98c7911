/**
 * Directions in W and moving latents along them: finding them (SeFa, PCA, class means, linear SVM
 * boundaries; {@link sc.fiji.stylegan2.model.direction.DirectionFinder}), their {@code .npz} file
 * ({@link sc.fiji.stylegan2.model.direction.DirectionFile}), and the shift {@code w + a Δ} that
 * both Apply Direction and Condition Transition's class_mean make ({@link
 * sc.fiji.stylegan2.model.direction.LatentShift}). Plain Java and DJL only, as the rest of {@code
 * model}; a new way to find directions goes here, its command in the plugin.
 */
package sc.fiji.stylegan2.model.direction;
