package sc.fiji.stylegan2.model.checkpoint;

import java.util.Map;

/**
 * The networks found in an official NVlabs checkpoint, as state dicts with the official parameter
 * and buffer names ({@code mapping.fc0.weight}, {@code synthesis.b64.conv1.affine.bias}, ...).
 *
 * @param gEma the generator's moving average, the one used for generation (never null)
 * @param g the training generator, or null when the file has none (a state-dict {@code .pt})
 * @param d the discriminator, or null when the file has none
 * @param gKwargs the generator's constructor arguments ({@code z_dim}, {@code w_dim}, {@code
 *     mapping_kwargs}, {@code synthesis_kwargs}, ...) as plain Java values, or an empty map when
 *     the file has none
 * @param dKwargs the discriminator's constructor arguments, or an empty map
 */
public record OfficialNetworks(
        Map<String, TensorData> gEma,
        Map<String, TensorData> g,
        Map<String, TensorData> d,
        Map<String, Object> gKwargs,
        Map<String, Object> dKwargs) {}
