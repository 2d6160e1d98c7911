package sc.fiji.stylegan2.model.project;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import sc.fiji.stylegan2.model.StyleGAN2Model;

/**
 * The distances the projector can minimise; the keys are what users type ({@code distance=...}).
 */
public enum DistanceKind {
    /**
     * {@link DiscriminatorFeatureDistance}: the model's discriminator features plus pixel MSE
     * (offline).
     */
    DISCRIMINATOR_MSE("discriminator+mse"),
    /** {@link PixelDistance}: pixel mean squared error only. */
    MSE("mse"),
    /**
     * {@link TorchScriptFeatureDistance}: LPIPS/VGG16 or another feature network given as a
     * TorchScript file.
     */
    LPIPS("lpips");

    private final String key;

    DistanceKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses a key, case-insensitively, with a message listing the valid ones. */
    public static DistanceKind parse(String text) {
        for (DistanceKind k : values()) {
            if (k.key.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "distance '" + text + "' is not valid: use discriminator+mse, mse or lpips");
    }

    /**
     * Makes the distance to fixed targets.
     *
     * @param targets {@code [N, C, res, res]} in the generator's range; the caller keeps ownership
     * @param featureNetwork the TorchScript file for {@link #LPIPS}, else ignored
     * @throws IllegalArgumentException naming {@code distance} when the model lacks what the kind
     *     needs
     */
    public ImageDistance create(StyleGAN2Model model, NDArray targets, Path featureNetwork) {
        switch (this) {
            case DISCRIMINATOR_MSE:
                if (model.discriminator() == null) {
                    throw new IllegalArgumentException(
                            "distance "
                                    + key
                                    + " needs the model's discriminator, but"
                                    + " model_file has none (a generator-only file): use distance mse, or lpips with a"
                                    + " feature_network");
                }
                return new DiscriminatorFeatureDistance(model.discriminator(), targets);
            case MSE:
                return new PixelDistance(targets);
            default:
                return new TorchScriptFeatureDistance(featureNetwork, targets);
        }
    }
}
