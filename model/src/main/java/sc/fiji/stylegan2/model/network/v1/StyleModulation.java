package sc.fiji.stylegan2.model.network.v1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.stylegan2.model.nn.Activation;
import sc.fiji.stylegan2.model.nn.FullyConnectedLayer;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * AdaIN's style half (StyleGAN Sec. 2, Eq. 1): the learned affine transform A maps w to a style
 * {@code y = (y_s, y_b)} per feature map, which scales and shifts the instance-normalised map.
 * Official {@code style_mod}: {@code x·(y_s + 1) + y_b}, the affine's bias starting at 0 so that
 * the scale starts at 1.
 */
public final class StyleModulation extends Module {

    private final FullyConnectedLayer affine;
    private final int channels;

    StyleModulation(NDManager manager, int wDim, int channels) {
        this.channels = channels;
        this.affine =
                child(
                        "affine",
                        new FullyConnectedLayer(
                                manager, wDim, 2 * channels, Activation.LINEAR, 1, 0));
    }

    /** x {@code [N, C, H, W]}, w {@code [N, w_dim]} → {@code [N, C, H, W]}. */
    public NDArray forward(NDArray x, NDArray w) {
        NDArray style = affine.forward(w).reshape(-1, 2, channels, 1, 1); // [N, 2, C, 1, 1]
        NDArray ys = style.get(":, 0");
        NDArray yb = style.get(":, 1");
        // AdaIN(x, y) = (y_s + 1)·x + y_b, x already normalised
        return x.mul(ys.add(1f)).add(yb);
    }
}
