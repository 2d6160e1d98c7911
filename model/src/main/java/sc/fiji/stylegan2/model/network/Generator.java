package sc.fiji.stylegan2.model.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sc.fiji.stylegan2.model.nn.Module;

/** The StyleGAN2 generator: {@code mapping} then {@code synthesis}. Official {@code Generator}. */
public final class Generator extends Module {

    private final GeneratorConfig config;
    private final MappingNetwork mapping;
    private final SynthesisNetwork synthesis;

    public Generator(NDManager manager, GeneratorConfig config) {
        this.config = config;
        this.mapping = child("mapping", new MappingNetwork(manager, config));
        this.synthesis = child("synthesis", new SynthesisNetwork(manager, config));
    }

    public GeneratorConfig config() {
        return config;
    }

    public MappingNetwork mapping() {
        return mapping;
    }

    public SynthesisNetwork synthesis() {
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
        List<String> names = new ArrayList<>();
        for (SynthesisBlock b : synthesis.blocks()) {
            b.layers().forEach(l -> names.add(l.name()));
            names.add(b.torgb().name());
        }
        return names;
    }

    /**
     * The synthesis layers that take a per-pixel noise input, with the side of their noise map, in
     * forward order ({@code synthesis.b4.conv1 → 4}, {@code synthesis.b8.conv0 → 8}, …): the keys
     * of {@link SynthesisOptions#withNoiseInputs}.
     */
    public Map<String, Integer> noiseLayers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SynthesisBlock b : synthesis.blocks()) {
            b.layers().forEach(l -> out.put(l.name(), l.resolution()));
        }
        return out;
    }
}
