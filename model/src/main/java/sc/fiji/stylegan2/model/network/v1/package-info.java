/**
 * The original StyleGAN (Karras, Laine, Aila 2019, "A Style-Based Generator Architecture for
 * Generative Adversarial Networks"; official NVlabs/stylegan {@code training/networks_stylegan.py})
 * beside StyleGAN2: the synthesis network whose layers end in noise, bias, leaky ReLU, instance
 * normalisation and AdaIN style modulation ({@link
 * sc.fiji.stylegan2.model.network.v1.LayerEpilogue}), and the ProGAN discriminator, both with the
 * level of detail {@code lod} of progressive growing (Karras et al. 2018). The mapping network is
 * StyleGAN2's ({@code network.MappingNetwork}), which is the same network. A new v1 layer goes
 * here; shared StyleGAN2 layers stay in {@code network}.
 */
package sc.fiji.stylegan2.model.network.v1;
