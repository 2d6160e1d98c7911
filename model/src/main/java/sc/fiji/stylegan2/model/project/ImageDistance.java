package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;

/**
 * The distance the projector minimises between synthesised images and fixed targets (the targets
 * are set when the distance is made, and their features computed once). Differentiable in the
 * images; the networks it uses are constants (their parameters get no gradients).
 */
public interface ImageDistance extends AutoCloseable {

    /**
     * Per-image distance {@code [N]} of images {@code [N, C, res, res]} in the generator's range
     * (about −1..1) to the N targets, image i to target i.
     */
    NDArray distance(NDArray images);

    /** Releases the target features (and any loaded network). */
    @Override
    void close();
}
