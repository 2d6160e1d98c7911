/**
 * Training in a host: loading the images option, the status line, the live preview stack and the
 * loss plot.
 */
package sc.fiji.stylegan2.plugin.training;
