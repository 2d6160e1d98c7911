/**
 * The papers' ways of looking inside a model: style mixing grids (StyleGAN Sec. 3.1), stochastic
 * variation (Sec. 3.2), interpolation in Z and W (Sec. 4.2), style groups (coarse, middle, fine),
 * and activation statistics and montages. A new figure or probe of the papers goes here.
 */
package sc.fiji.stylegan2.model.explore;
