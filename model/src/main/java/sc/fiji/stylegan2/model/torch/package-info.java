/**
 * Torch plumbing under the layers: ownership of intermediate arrays, no-grad scopes,
 * mixed-precision scopes ({@link sc.fiji.stylegan2.model.torch.Autocast}), the processor's flags,
 * scalar constants that survive autograd, channels-last layout, and TorchScript modules written as
 * archives (DJL has no API for these). Nothing here is a concept of the papers.
 */
package sc.fiji.stylegan2.model.torch;
