/**
 * Training data: image stacks and files brought to square power-of-two images (whole images, random
 * tiles of large images, crops centred on labelled objects), bit depth and intensity ranges (type,
 * data, percentiles, per channel), the embedded Fashion-MNIST subset, and ADA's augmentation
 * pipeline (Karras et al. 2020b).
 */
package sc.fiji.stylegan2.training.data;
