/**
 * The SciJava commands, one per menu entry, and their bases: each declares only its own parameters
 * (the shared ones live once in the bases) and hands its work to a task. A new command goes here,
 * extending the base that holds the parameters it shares.
 */
package sc.fiji.stylegan2.plugin.command;
