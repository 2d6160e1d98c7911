/**
 * Layers and the paper's shared maths: fully-connected and convolution layers with equalized
 * learning rate, bias + activation, FIR up/downsampling (upfirdn2d), the modulated convolution
 * (StyleGAN2 Eq. 1-3) and its strategy. A new layer or operator of the papers goes here; Torch
 * plumbing that is not paper maths goes to {@code model.torch}.
 */
package sc.fiji.stylegan2.model.nn;
