package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;

/**
 * Pixel mean squared error in the generator's range: {@code d = mean_{c,y,x} (x − t)²}. Blurry on
 * its own (it does not see structure), but always available and exact; the built-in perceptual
 * distance adds it.
 */
final class PixelDistance implements ImageDistance {

    private final NDArray targets;

    /**
     * @param targets {@code [N, C, res, res]}, owned by the caller
     */
    PixelDistance(NDArray targets) {
        this.targets = targets;
    }

    @Override
    public NDArray distance(NDArray images) {
        return NoiseRegularization.meanPerImage(images.sub(targets).square());
    }

    @Override
    public void close() {}
}
