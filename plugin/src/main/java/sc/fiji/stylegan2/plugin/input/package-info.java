/**
 * Parsing and checking what a user typed: argument strings, seeds, latent files, model and output
 * files, the device. Every check names the key and says what is valid, in the same words in a
 * dialog, a macro and the launcher.
 */
package sc.fiji.stylegan2.plugin.input;
