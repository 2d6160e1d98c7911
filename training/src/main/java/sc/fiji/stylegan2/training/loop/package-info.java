/**
 * The training loop: minibatch sampling, lazy regularisation, G_ema, ticks and their statistics,
 * snapshots, and the session that ties a run together.
 */
package sc.fiji.stylegan2.training.loop;
