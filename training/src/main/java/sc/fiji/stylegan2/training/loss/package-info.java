/**
 * The StyleGAN2 objective split by phase (G main, G reg, D main, D reg): non-saturating loss, R1,
 * path length penalty, mixing regularisation, and the second-order gradient operator they need. A
 * new loss term or regularizer is its own small class here.
 */
package sc.fiji.stylegan2.training.loss;
