/**
 * Writing files so that a failure (a full disk, a missing permission, an interrupt) never leaves a
 * half-written file and never touches the previous one: {@link
 * sc.fiji.stylegan2.model.io.AtomicFile}. Every file this project writes (checkpoints, latent
 * files, TIFF stacks) goes through it.
 */
package sc.fiji.stylegan2.model.io;
