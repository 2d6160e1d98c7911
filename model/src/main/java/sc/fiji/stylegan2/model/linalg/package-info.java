/**
 * Small dense linear algebra in double precision that libtorch through DJL does not offer (DJL
 * 0.35's NDArray has no eigen-decomposition): used by the metrics and the latent directions.
 */
package sc.fiji.stylegan2.model.linalg;
