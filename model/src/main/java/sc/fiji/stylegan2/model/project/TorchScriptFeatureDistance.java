package sc.fiji.stylegan2.model.project;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.torch.Scalars;

/**
 * LPIPS (Zhang et al. 2018) or any feature distance given as a TorchScript network, as the official
 * projector uses it: images are mapped to 0..255 ({@code (x + 1) · 127.5}), grayscale is repeated
 * to three channels, images larger than 256 px are area-downsampled to 256, and
 *
 * <pre>
 *   d = Σ_k (φ_k(x) − φ_k(t))²
 * </pre>
 *
 * over the network's output features φ. The network's {@code forward} must take one tensor {@code
 * [N, 3, H, W]} and return one tensor of features per image whose squared distance is the
 * perceptual distance. The NVlabs {@code vgg16.pt} has this form when its {@code forward(img,
 * resize_images=False, return_lpips=True)} is wrapped in a one-argument TorchScript module (boolean
 * arguments cannot be passed with gradients through DJL).
 */
final class TorchScriptFeatureDistance implements ImageDistance {

    /** The official projector downsamples larger images to this size for VGG. */
    private static final int MAX_SIZE = 256;

    private final NDManager manager;
    private final PtSymbolBlock network;
    private final NDArray targetFeatures;

    /**
     * @param file the TorchScript file
     * @param targets {@code [N, C, res, res]}, owned by the caller
     * @throws IllegalArgumentException naming {@code feature_network} when the file is missing or
     *     not a TorchScript module, or {@code distance} when the images have a channel count other
     *     than 1 or 3
     */
    TorchScriptFeatureDistance(Path file, NDArray targets) {
        long channels = targets.getShape().get(1);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(
                    "distance lpips needs 1- or 3-channel images; this model makes "
                            + channels
                            + " channels: use distance discriminator+mse or mse");
        }
        this.network = load(file, targets.getManager());
        this.manager = targets.getManager().newSubManager();
        try (NDScope scope = new NDScope()) {
            NDArray f = features(targets);
            NDScope.unregister(f);
            f.attach(manager);
            this.targetFeatures = f;
        } catch (EngineException | IllegalStateException e) {
            network.close();
            manager.close();
            throw new IllegalArgumentException(
                    "feature_network "
                            + file
                            + " failed on a [N, 3, H, W] image batch: "
                            + e.getMessage(),
                    e);
        }
    }

    private static PtSymbolBlock load(Path file, NDManager manager) {
        if (file == null) {
            throw new IllegalArgumentException(
                    "feature_network is not set: distance lpips needs a TorchScript"
                            + " feature network file (e.g. a wrapped vgg16.pt)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("feature_network '" + file + "' does not exist");
        }
        if (!(manager instanceof PtNDManager pt)) {
            throw new IllegalArgumentException("feature_network needs DJL's PyTorch engine");
        }
        try {
            return JniUtils.loadModule(pt, file, true, new String[0], new String[0], false);
        } catch (EngineException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "feature_network '"
                            + file
                            + "' is not a TorchScript module ("
                            + firstLine(e.getMessage())
                            + ")",
                    e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.strip().split("\\R", 2)[0];
    }

    /** φ of images in the generator's range: {@code [N, ...]} flattened to {@code [N, K]}. */
    private NDArray features(NDArray images) {
        NDArray x = Scalars.mul(images.add(1), 127.5);
        if (x.getShape().get(1) == 1) {
            x = x.repeat(1, 3);
        }
        long size = x.getShape().get(2);
        if (size > MAX_SIZE) {
            long f = size / MAX_SIZE; // sizes are powers of two: area downsampling is a box mean
            long n = x.getShape().get(0);
            x = Scalars.div(x.reshape(n, 3, MAX_SIZE, f, MAX_SIZE, f).sum(new int[] {3, 5}), f * f);
        }
        // isTrain = true: run with autograd, so gradients reach the images.
        NDArray out = IValueUtils.forward(network, new NDList(x), true).singletonOrThrow();
        return out.reshape(out.getShape().get(0), -1);
    }

    @Override
    public NDArray distance(NDArray images) {
        return features(images).sub(targetFeatures).square().sum(new int[] {1});
    }

    @Override
    public void close() {
        manager.close();
        network.close();
    }
}
