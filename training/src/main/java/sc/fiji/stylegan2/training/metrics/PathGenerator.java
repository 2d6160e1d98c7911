package sc.fiji.stylegan2.training.metrics;

/**
 * The two halves of a generator as the perceptual path length walks them (StyleGAN, Karras et al.
 * 2019, Sec. 4.1): the mapping z → w and the synthesis w → image, on plain C-order float arrays.
 * {@link GeneratorPath} is the StyleGAN2 generator; tests give generators whose path length is
 * known by construction.
 */
public interface PathGenerator {

    /** Length of z. */
    int zDim();

    /** Per-layer latents per image ({@code num_ws}). */
    int numWs();

    /** Length of w. */
    int wDim();

    /** Classes of a conditional generator; 0 when unconditional. */
    int classCount();

    /** Channels of an image. */
    int channels();

    /** Side of the square image in pixels. */
    int resolution();

    /**
     * The per-layer latents {@code ws [n, num_ws, w_dim]} of {@code z [n, z_dim]}, without
     * truncation.
     *
     * @param classes the class of each row for a conditional generator, else null
     */
    float[] mapping(float[] z, int n, int[] classes);

    /**
     * The images {@code [n, C, R, R]}, about [-1, 1], of {@code ws [n, num_ws, w_dim]}; every image
     * of the call gets the same noise maps, drawn afresh from {@code noiseSeed}.
     */
    float[] synthesis(float[] ws, int n, long noiseSeed);
}
