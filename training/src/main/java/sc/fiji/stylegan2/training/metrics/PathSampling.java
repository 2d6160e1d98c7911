package sc.fiji.stylegan2.training.metrics;

/**
 * Where on a path between two latents the perceptual path length measures (StyleGAN, Karras et al.
 * 2019, Sec. 4.1): anywhere ({@code full}, t ~ U(0, 1)), or at the start only ({@code end}, t = 0),
 * which the paper reports beside the full path since it shows whether the path is already long
 * where the images are real latents' own.
 */
public enum PathSampling {
    /** t ~ U(0, 1). */
    FULL,
    /** t = 0. */
    END
}
