/**
 * The networks, one class per official module: mapping network, synthesis layer, toRGB, synthesis
 * block and network, generator; discriminator block, minibatch-stddev layer, epilogue and
 * discriminator. Child names follow the official code ({@code b64}, {@code conv0}, {@code torgb},
 * {@code affine}) so official weights map one-to-one. {@link
 * sc.fiji.stylegan2.model.network.Synthesis} and {@link
 * sc.fiji.stylegan2.model.network.DiscriminatorNetwork} are what the rest of the code sees of
 * either architecture ({@link sc.fiji.stylegan2.model.network.Architecture}); the original
 * StyleGAN's networks live in {@code network.v1}.
 */
package sc.fiji.stylegan2.model.network;
