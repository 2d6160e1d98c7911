/**
 * The networks, one class per official module: mapping network, synthesis layer, toRGB, synthesis
 * block and network, generator; discriminator block, minibatch-stddev layer, epilogue and
 * discriminator. Child names follow the official code ({@code b64}, {@code conv0}, {@code torgb},
 * {@code affine}) so official weights map one-to-one.
 */
package sc.fiji.stylegan2.model.network;
