/**
 * Training data: image stacks and files brought to square power-of-two images, bit depth and
 * intensity, the embedded Fashion-MNIST subset, and ADA's augmentation pipeline (Karras et al.
 * 2020b).
 */
package sc.fiji.stylegan2.training.data;
