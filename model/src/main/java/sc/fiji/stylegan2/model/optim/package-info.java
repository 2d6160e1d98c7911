/** Optimizers: Adam as the official code runs it, one fused step per parameter list. */
package sc.fiji.stylegan2.model.optim;
