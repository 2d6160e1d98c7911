/**
 * The training library's configuration: the named setups (small, the official 512-channel) and the
 * immutable options a run is started with.
 */
package sc.fiji.stylegan2.training;
