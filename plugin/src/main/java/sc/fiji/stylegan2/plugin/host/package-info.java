/**
 * Finding and running the StyleGAN2 commands in a SciJava context without a user interface, and
 * forwarding their progress; shared by the headless launcher and the ImageJ 1.x bridge.
 */
package sc.fiji.stylegan2.plugin.host;
