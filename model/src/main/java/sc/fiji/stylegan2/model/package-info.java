/**
 * The model library's front door: {@link sc.fiji.stylegan2.model.StyleGAN2Model} (open a
 * checkpoint, generate, project) and the small value types every caller shares (noise mode, output
 * range, intensity mapping, progress). Depends on DJL only, never on ImageJ. A new top-level entry
 * point for callers goes here; everything it delegates to lives in the subpackages.
 */
package sc.fiji.stylegan2.model;
