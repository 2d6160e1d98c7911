/**
 * The work behind the commands, free of SciJava: open the model, do one job, return images and
 * tables. Tested without a host.
 */
package sc.fiji.stylegan2.plugin.task;
