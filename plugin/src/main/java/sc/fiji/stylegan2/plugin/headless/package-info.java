/**
 * The headless launcher behind {@code ./stylegan2}: its command line, help, status printing, Ctrl-C
 * handling, and the demo job.
 */
package sc.fiji.stylegan2.plugin.headless;
