/**
 * The ImageJ 1.x bridge: one {@code PlugIn} per command (plugins.config), dialogs built from the
 * commands' parameters, macro recording, status bar and output windows.
 */
package sc.fiji.stylegan2.plugin.ij1;
