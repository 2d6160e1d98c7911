package sc.fiji.stylegan2.model.network;

import sc.fiji.stylegan2.model.NoiseMode;

/**
 * How to run the synthesis network.
 *
 * @param noiseMode where the noise inputs come from
 * @param fusedModconv true: one grouped convolution per layer; false: shared convolution with activation
 *     scaling; null: choose by speed (fused for batch 1, unfused otherwise)
 * @param probe collects intermediate outputs, or null
 */
public record SynthesisOptions(NoiseMode noiseMode, Boolean fusedModconv, ActivationProbe probe) {

    public static SynthesisOptions of(NoiseMode mode) {
        return new SynthesisOptions(mode, null, null);
    }

    boolean fused(long batch) {
        return fusedModconv != null ? fusedModconv : batch == 1;
    }

    void offer(String name, ai.djl.ndarray.NDArray x) {
        if (probe != null) {
            probe.offer(name, x);
        }
    }
}
