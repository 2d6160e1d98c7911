package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.network.v1.StyleSynthesisNetwork;
import sc.fiji.stylegan2.model.nn.Module;

/**
 * The generator: {@code mapping} then {@code synthesis}. Official {@code Generator}. The synthesis
 * network is StyleGAN2's or, for {@link Architecture#STYLEGAN1}, the original StyleGAN's; both read
 * the same mapping network's ws.
 */
public final class Generator extends Module {

    private final GeneratorConfig config;
    private final MappingNetwork mapping;
    private final Synthesis synthesis;

    public Generator(NDManager manager, GeneratorConfig config) {
        this.config = config;
        this.mapping = child("mapping", new MappingNetwork(manager, config));
        this.synthesis =
                config.architecture() == Architecture.STYLEGAN1
                        ? child("synthesis", new StyleSynthesisNetwork(manager, config))
                        : child("synthesis", new SynthesisNetwork(manager, config));
    }

    public GeneratorConfig config() {
        return config;
    }

    public MappingNetwork mapping() {
        return mapping;
    }

    public Synthesis synthesis() {
        return synthesis;
    }

    /** z {@code [N, z_dim]} → image {@code [N, C, res, res]} (an unconditional generator). */
    public NDArray forward(
            NDArray z, double truncationPsi, Integer truncationCutoff, SynthesisOptions opt) {
        return synthesis.forward(mapping.forward(z, truncationPsi, truncationCutoff), opt);
    }

    /**
     * z {@code [N, z_dim]} and the one-hot class label c {@code [N, c_dim]} (null when
     * unconditional) → image {@code [N, C, res, res]}.
     */
    public NDArray forward(
            NDArray z,
            NDArray c,
            double truncationPsi,
            Integer truncationCutoff,
            SynthesisOptions opt) {
        return synthesis.forward(mapping.forward(z, c, truncationPsi, truncationCutoff), opt);
    }

    /**
     * Names of the layers whose output an {@link ActivationProbe} can capture, in forward order
     * ({@code synthesis.b4.conv1}, {@code synthesis.b4.torgb}, {@code synthesis.b8.conv0}, ...).
     */
    public List<String> layerNames() {
        return synthesis.layerNames();
    }

    /**
     * The synthesis layers that take a per-pixel noise input, with the side of their noise map, in
     * forward order ({@code synthesis.b4.conv1 → 4}, {@code synthesis.b8.conv0 → 8}, …): the keys
     * of {@link SynthesisOptions#withNoiseInputs}.
     */
    public Map<String, Integer> noiseLayers() {
        return synthesis.noiseLayers();
    }
}
