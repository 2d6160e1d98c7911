package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * The synthesis network g: W → image, as the rest of the code sees it, whatever the architecture
 * ({@link SynthesisNetwork} for StyleGAN2, {@code v1.StyleSynthesisNetwork} for the original
 * StyleGAN): ws in, image out, with named layers that a probe can watch and that take noise.
 */
public abstract class Synthesis extends Module {

    /** ws {@code [N, num_ws, w_dim]} → image {@code [N, img_channels, res, res]}. */
    public abstract NDArray forward(NDArray ws, SynthesisOptions opt);

    /**
     * Names of the layers whose output an {@link ActivationProbe} can capture, in forward order
     * ({@code synthesis.b4.conv1}, {@code synthesis.b4.torgb}, ...).
     */
    public abstract List<String> layerNames();

    /**
     * The layers that take a per-pixel noise input, with the side of their noise map, in forward
     * order: the keys of {@link SynthesisOptions#withNoiseInputs}.
     */
    public abstract Map<String, Integer> noiseLayers();
}
