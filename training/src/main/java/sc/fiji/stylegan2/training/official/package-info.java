/**
 * Handing a run to the official NVlabs StyleGAN2-ADA PyTorch trainer: its dataset format (a zip of
 * PNGs with {@code dataset.json}), the state dicts and kwargs its networks are rebuilt from, and
 * the {@code train.sh} command line that trains them on a GPU cluster. None of the official code is
 * here: the generated scripts import it from the user's checkout.
 */
package sc.fiji.stylegan2.training.official;
